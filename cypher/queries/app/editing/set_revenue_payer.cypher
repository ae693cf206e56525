// The actor who pays under a revenue model (null: the customer), replacing the previous one.
MATCH (r:RevenueModel {id: $id})
OPTIONAL MATCH (r)-[old:PAID_BY]->()
DELETE old
WITH DISTINCT r
CALL {
  WITH r
  MATCH (a:Actor {id: $paidBy})
  CREATE (r)-[:PAID_BY]->(a)
}
