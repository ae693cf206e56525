// Interactions imported before: their properties and touchpoint are brought up to date.
UNWIND $rows AS i
MATCH (x:Interaction {id: i.id})
MATCH (t:Touchpoint {id: i.touchpoint})
SET x.episode = i.episode, x.stage = i.stage, x.at = i.at, x.amount = i.amount, x.initiatedBy = i.initiatedBy,
    x.satisfaction = i.satisfaction, x.personalised = i.personalised
MERGE (x)-[:THROUGH]->(t)
WITH x, t
OPTIONAL MATCH (x)-[old:THROUGH]->(other:Touchpoint)
WHERE other <> t
DELETE old
