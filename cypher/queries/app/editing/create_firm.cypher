// A new firm competing in a market.
MATCH (m:Market {id: $market})
CREATE (f:Firm {id: $id})
SET f.name = $name, f.description = $description, f.founded = $founded, f.status = $status, f.type = $type, f.source = $source
CREATE (f)-[:COMPETES_IN]->(m)
