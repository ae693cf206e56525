// Unified-view coverage per firm
// Answers: for each firm with imported customer data, the share of its interactions attached to a unified customer seen in two or more channels: how far the firm has one view of the customer across silos.
:param {minChannels: 2};
MATCH (c:Customer {unified: true})-[:CUSTOMER_OF]->(f:Firm)
MATCH (c)-[:HAD]->(i:Interaction)-[:THROUGH]->(:Touchpoint)-[:VIA]->(ch:Channel)
WITH f, c, count(i) AS interactions, count(DISTINCT ch) AS channels
RETURN f.name AS firm, count(c) AS unifiedCustomers, sum(interactions) AS interactions,
       round(toFloat(sum(CASE WHEN channels >= $minChannels THEN interactions ELSE 0 END)) / sum(interactions), 3) AS coverage
ORDER BY coverage DESC;
