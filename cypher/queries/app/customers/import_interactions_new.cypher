// New interactions (checked before), grouped by source record: each is linked to its record
// (provenance), to the record's unified customer (HAD, the unified view) and to its touchpoint.
UNWIND $groups AS g
MATCH (c:Customer)-[:UNIFIES]->(s:SourceRecord {id: g.record})
UNWIND g.items AS i
MATCH (t:Touchpoint {id: i.touchpoint})
CREATE (x:Interaction {id: i.id, episode: i.episode, stage: i.stage, at: i.at, amount: i.amount, initiatedBy: i.initiatedBy,
                       identified: true, satisfaction: i.satisfaction, personalised: i.personalised, importedBy: $import})
CREATE (s)-[:RECORDED]->(x)
CREATE (c)-[:HAD]->(x)
CREATE (x)-[:THROUGH]->(t)
