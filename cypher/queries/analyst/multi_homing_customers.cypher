// Customers who use several firms of a market
// Answers: how many customers are customers of two or more firms of the same market (multi-homing), and which pairs of firms share the most customers.
:param {market: 'us-mobility'};
MATCH (a:Firm)-[:COMPETES_IN]->(:Market {id: $market})<-[:COMPETES_IN]-(b:Firm)
WHERE a.id < b.id
MATCH (a)<-[:CUSTOMER_OF]-(c:Customer)-[:CUSTOMER_OF]->(b)
RETURN a.name AS firmA, b.name AS firmB, count(c) AS sharedCustomers
ORDER BY sharedCustomers DESC
LIMIT 25;
