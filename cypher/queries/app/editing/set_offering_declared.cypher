// An offering's declared cell (either part may be null), replacing the previous declaration.
MATCH (o:Offering {id: $id})
OPTIONAL MATCH (o)-[old:DECLARED_EXPERIENCE|DECLARED_ARCHITECTURE]->()
DELETE old
WITH DISTINCT o
CALL {
  WITH o
  MATCH (e:Experience {id: $experience})
  CREATE (o)-[:DECLARED_EXPERIENCE]->(e)
}
CALL {
  WITH o
  MATCH (a:Architecture {id: $architecture})
  CREATE (o)-[:DECLARED_ARCHITECTURE]->(a)
}
