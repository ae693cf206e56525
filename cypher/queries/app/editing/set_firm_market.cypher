// A firm moved to the market $market: its COMPETES_IN links replaced by one to $market. Nothing happens when $market
// is null or the firm already competes there (so saving the edit form unchanged keeps every market it is in).
MATCH (f:Firm {id: $id})
WHERE $market IS NOT NULL AND NOT EXISTS { (f)-[:COMPETES_IN]->(:Market {id: $market}) }
MATCH (m:Market {id: $market})
OPTIONAL MATCH (f)-[old:COMPETES_IN]->(:Market)
DELETE old
WITH DISTINCT f, m
CREATE (f)-[:COMPETES_IN]->(m)
