// Customer segments and what they spend
// Answers: per customer segment, how many customers, episodes per customer and mean spend per served episode across a market.
:param {market: 'us-mobility'};
MATCH (c:Customer)-[:CUSTOMER_OF]->(:Firm)-[:COMPETES_IN]->(:Market {id: $market})
WITH DISTINCT c
OPTIONAL MATCH (c)-[:HAD]->(i:Interaction {stage: 'respond'})
WITH c.segment AS segment, count(DISTINCT c) AS customers, count(i) AS served, avg(i.amount) AS meanSpend
RETURN segment, customers, round(toFloat(served) / customers, 2) AS servedPerCustomer, round(meanSpend, 2) AS meanSpend
ORDER BY customers DESC;
