// A firm's declared cell (either part may be null: nothing declared), replacing the previous declaration.
MATCH (f:Firm {id: $id})
OPTIONAL MATCH (f)-[old:DECLARED_EXPERIENCE|DECLARED_ARCHITECTURE]->()
DELETE old
WITH DISTINCT f
CALL {
  WITH f
  MATCH (e:Experience {id: $experience})
  CREATE (f)-[:DECLARED_EXPERIENCE]->(e)
}
CALL {
  WITH f
  MATCH (a:Architecture {id: $architecture})
  CREATE (f)-[:DECLARED_ARCHITECTURE]->(a)
}
