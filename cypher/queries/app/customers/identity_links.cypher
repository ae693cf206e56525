// Every source record of a firm with its identifiers (links not excluded) and its unified customer now.
MATCH (s:SourceRecord {firm: $firm})
OPTIONAL MATCH (s)-[l:IDENTIFIED_BY]->(i:Identifier)
WHERE l.excluded IS NULL OR l.excluded = false
WITH s, collect(i.id) AS identifiers
OPTIONAL MATCH (c:Customer)-[:UNIFIES]->(s)
RETURN s.id AS record, s.system AS system, s.since AS since, identifiers, c.id AS customer
