// Unified-view coverage of a firm: its interactions, those attached to a customer (HAD), and those whose
// customer was seen in at least 2 of the firm's channels.
MATCH (f:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)-[:VIA]->(ch:Channel)
MATCH (t)<-[:THROUGH]-(i:Interaction)
OPTIONAL MATCH (c:Customer)-[:HAD]->(i)
WITH c, count(i) AS interactions, count(DISTINCT ch) AS channels
RETURN sum(interactions) AS interactions,
       sum(CASE WHEN c IS NOT NULL THEN interactions ELSE 0 END) AS attached,
       sum(CASE WHEN c IS NOT NULL AND channels >= 2 THEN interactions ELSE 0 END) AS covered,
       count(c) AS customers,
       sum(CASE WHEN c IS NOT NULL AND channels >= 2 THEN 1 ELSE 0 END) AS multichannelCustomers
