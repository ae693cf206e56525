// Per source system of a firm: records, records unified with a record of another system, and those systems.
MATCH (s:SourceRecord {firm: $firm})
OPTIONAL MATCH (s)<-[:UNIFIES]-(:Customer)-[:UNIFIES]->(o:SourceRecord)
WHERE o.system <> s.system
WITH s.system AS system, s, collect(DISTINCT o.system) AS others
WITH system, count(s) AS records, sum(CASE WHEN size(others) > 0 THEN 1 ELSE 0 END) AS linked, collect(others) AS partners
RETURN system, records, linked,
       reduce(acc = [], p IN partners | acc + [x IN p WHERE NOT x IN acc]) AS sharesWith
ORDER BY system
