// Who supplies an offering: the firm itself ($supplierFirm) or an actor ($supplierActor), or nobody recorded.
MATCH (o:Offering {id: $id})
OPTIONAL MATCH (o)-[old:SUPPLIED_BY]->()
DELETE old
WITH DISTINCT o
CALL {
  WITH o
  MATCH (f:Firm {id: $supplierFirm})
  CREATE (o)-[:SUPPLIED_BY]->(f)
}
CALL {
  WITH o
  MATCH (a:Actor {id: $supplierActor})
  CREATE (o)-[:SUPPLIED_BY]->(a)
}
