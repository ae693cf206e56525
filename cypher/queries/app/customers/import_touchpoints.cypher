// Touchpoints of an import, operated by the firm; a touchpoint has exactly one channel.
UNWIND $rows AS t
MATCH (f:Firm {id: $firm})
MATCH (ch:Channel {id: t.channel})
MERGE (tp:Touchpoint {id: t.id})
ON CREATE SET tp.importedBy = $import
SET tp.name = t.name, tp.initiative = t.initiative, tp.momentOfTruth = t.momentOfTruth,
    tp.collectsFeedback = coalesce(t.collectsFeedback, tp.collectsFeedback),
    tp.standingAuthorisation = coalesce(t.standingAuthorisation, tp.standingAuthorisation)
MERGE (f)-[:OPERATES]->(tp)
MERGE (tp)-[:VIA]->(ch)
WITH tp, ch
OPTIONAL MATCH (tp)-[old:VIA]->(other:Channel)
WHERE other <> ch
DELETE old
