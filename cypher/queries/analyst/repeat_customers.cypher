// Repeat rate per firm
// Answers: the share of each firm's customers who came back for a second episode or more, the Repeat in the 4 Rs.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (c:Customer)-[:CUSTOMER_OF]->(f)
OPTIONAL MATCH (c)-[:HAD]->(i:Interaction {stage: 'request'})-[:THROUGH]->(:Touchpoint)<-[:OPERATES]-(f)
WITH f, c, count(DISTINCT i.episode) AS episodes
RETURN f.name AS firm, count(c) AS customers, count(CASE WHEN episodes >= 2 THEN 1 END) AS repeaters,
       round(toFloat(count(CASE WHEN episodes >= 2 THEN 1 END)) / count(c), 3) AS repeatRate
ORDER BY repeatRate DESC;
