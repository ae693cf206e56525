// The 4R funnel per firm
// Answers: for each firm of a market, how many episodes reach each of the 4 Rs (recognize, request, respond, repeat) and the share of served episodes that lead to a repeat.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction)
WITH f,
     count(DISTINCT CASE WHEN i.stage = 'recognize' THEN i.episode END) AS recognize,
     count(DISTINCT CASE WHEN i.stage = 'request' THEN i.episode END) AS request,
     count(DISTINCT CASE WHEN i.stage = 'respond' THEN i.episode END) AS respond,
     count(DISTINCT CASE WHEN i.stage = 'repeat' THEN i.episode END) AS repeat
RETURN f.name AS firm, recognize, request, respond, repeat,
       CASE WHEN respond = 0 THEN null ELSE round(toFloat(repeat) / respond, 3) END AS repeatShare
ORDER BY repeatShare DESC;
