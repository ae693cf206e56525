// A new offering of a firm.
MATCH (f:Firm {id: $firm})
CREATE (o:Offering {id: $id})
SET o.name = $name
CREATE (f)-[:OFFERS]->(o)
