// How often customers are recognised, by channel
// Answers: the share of interactions in which the firm identified the customer, per channel: where Recognize works and where customers stay anonymous.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OPERATES]->(:Touchpoint)-[:VIA]->(ch:Channel)
MATCH (ch)<-[:VIA]-(:Touchpoint)<-[:THROUGH]-(i:Interaction)
WITH DISTINCT ch, i
RETURN ch.name AS channel, ch.kind AS kind, count(i) AS interactions,
       round(toFloat(count(CASE WHEN i.identified THEN 1 END)) / count(i), 3) AS identifiedShare
ORDER BY identifiedShare;
