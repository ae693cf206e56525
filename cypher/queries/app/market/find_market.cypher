// One market by id, with the number of firms competing in it.
MATCH (m:Market {id: $market})
OPTIONAL MATCH (f:Firm)-[:COMPETES_IN]->(m)
RETURN m.id AS id, m.name AS name, m.region AS region, m.description AS description, m.asOf AS asOf, count(f) AS firmCount
