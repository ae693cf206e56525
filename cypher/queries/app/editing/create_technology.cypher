// A new technology at its STAR stage, used by a firm.
MATCH (f:Firm {id: $firm})
MATCH (s:StarStage {id: $star})
CREATE (x:Technology {id: $id})
SET x.name = $name, x.star = $star
CREATE (x)-[:AT_STAGE]->(s)
CREATE (f)-[:USES]->(x)
