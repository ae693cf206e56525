// Satisfaction at the moments of truth
// Answers: how satisfied customers were at each firm's moment-of-truth touchpoints, against its other touchpoints.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OPERATES]->(t:Touchpoint)<-[:THROUGH]-(i:Interaction)
WHERE i.satisfaction IS NOT NULL
RETURN f.name AS firm, t.name AS touchpoint, t.momentOfTruth AS momentOfTruth,
       count(i) AS ratings, round(avg(i.satisfaction), 2) AS meanSatisfaction
ORDER BY firm, momentOfTruth DESC, meanSatisfaction;
