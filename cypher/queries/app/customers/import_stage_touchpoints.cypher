// Staging of an import: touchpoints the graph does not hold yet, created (operated by the firm, with their
// channel) so the staged interactions can go through them. Existing touchpoints are left as they are
// until the import's last transaction.
UNWIND $rows AS t
MATCH (f:Firm {id: $firm})
MATCH (ch:Channel {id: t.channel})
OPTIONAL MATCH (old:Touchpoint {id: t.id})
WITH f, ch, t, old
WHERE old IS NULL
CREATE (tp:Touchpoint {id: t.id, name: t.name, initiative: t.initiative, momentOfTruth: t.momentOfTruth,
                       collectsFeedback: t.collectsFeedback, standingAuthorisation: t.standingAuthorisation, importedBy: $import})
CREATE (f)-[:OPERATES]->(tp)
CREATE (tp)-[:VIA]->(ch)
