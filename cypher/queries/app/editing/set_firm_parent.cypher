// A firm's parent company: the old link removed, the company merged by id (named when new) and linked.
MATCH (f:Firm {id: $id})
OPTIONAL MATCH (f)-[old:OWNED_BY]->(:Company)
DELETE old
WITH DISTINCT f
CALL {
  WITH f
  WITH f WHERE $parentId IS NOT NULL
  MERGE (c:Company {id: $parentId})
  ON CREATE SET c.name = $parentName
  CREATE (f)-[:OWNED_BY]->(c)
}
