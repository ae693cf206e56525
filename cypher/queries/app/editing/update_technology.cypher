// A technology's name and STAR stage.
MATCH (x:Technology {id: $id})
MATCH (s:StarStage {id: $star})
OPTIONAL MATCH (x)-[old:AT_STAGE]->()
DELETE old
WITH DISTINCT x, s
SET x.name = $name, x.star = $star
CREATE (x)-[:AT_STAGE]->(s)
