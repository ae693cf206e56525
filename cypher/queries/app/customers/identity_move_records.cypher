// Links records to their (new) unified customer and moves the HAD links of their interactions with them.
UNWIND $rows AS m
MATCH (s:SourceRecord {id: m.record})
MATCH (cu:Customer {id: m.customer})
OPTIONAL MATCH (:Customer)-[u:UNIFIES]->(s)
DELETE u
WITH DISTINCT s, cu
CREATE (cu)-[:UNIFIES]->(s)
WITH s, cu
MATCH (s)-[:RECORDED]->(x:Interaction)
OPTIONAL MATCH (:Customer)-[h:HAD]->(x)
DELETE h
WITH DISTINCT cu, x
CREATE (cu)-[:HAD]->(x)
