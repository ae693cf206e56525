// The actor's role in a firm's ecosystem and the money flows between them, replacing the previous ones.
MATCH (f:Firm {id: $firm})
MATCH (a:Actor {id: $id})
MERGE (f)-[h:HAS_ACTOR]->(a)
SET h.role = $role
WITH f, a
OPTIONAL MATCH (a)-[p1:PAYS]->(f)
DELETE p1
WITH DISTINCT f, a
OPTIONAL MATCH (f)-[p2:PAYS]->(a)
DELETE p2
WITH DISTINCT f, a
CALL {
  WITH f, a
  WITH f, a WHERE $paysFirm IS NOT NULL
  CREATE (a)-[:PAYS {what: $paysFirm}]->(f)
}
CALL {
  WITH f, a
  WITH f, a WHERE $firmPays IS NOT NULL
  CREATE (f)-[:PAYS {what: $firmPays}]->(a)
}
