// A new revenue model of a firm.
MATCH (f:Firm {id: $firm})
CREATE (r:RevenueModel {id: $id})
SET r.name = $name, r.kind = $kind, r.payer = $payer, r.unit = $unit, r.price = $price, r.indicator = $indicator
CREATE (f)-[:EARNS_BY]->(r)
