// A touchpoint's channel and the offerings it supports (an empty list: all of the firm's offerings).
MATCH (t:Touchpoint {id: $id})
OPTIONAL MATCH (t)-[old:VIA|SUPPORTS]->()
DELETE old
WITH DISTINCT t
CALL {
  WITH t
  MATCH (ch:Channel {id: $channel})
  CREATE (t)-[:VIA]->(ch)
}
CALL {
  WITH t
  UNWIND $supports AS offeringId
  MATCH (o:Offering {id: offeringId})
  CREATE (t)-[:SUPPORTS]->(o)
}
