// What a firm's graph data says about its customers, per segment, to calibrate a simulation:
// customers, request episodes, observation window, share of identified episodes, mean spend,
// mean satisfaction, share of episodes the firm initiated; plus the firm's STAR stages.
MATCH (f:Firm {id: $firm})
OPTIONAL MATCH (f)-[:USES]->(t:Technology)
WITH f, [s IN collect(t.star) WHERE s IS NOT NULL] AS stars
OPTIONAL MATCH (c:Customer)-[:CUSTOMER_OF]->(f)
OPTIONAL MATCH (c)-[:HAD]->(i:Interaction)-[:THROUGH]->(:Touchpoint)<-[:OPERATES]-(f)
WITH f, stars, coalesce(c.segment, 'all') AS segment, count(DISTINCT c) AS customers,
     count(CASE WHEN i.stage = 'request' THEN 1 END) AS requests,
     count(CASE WHEN i.stage = 'recognize' AND i.initiatedBy = 'firm' THEN 1 END) AS firmInitiated,
     count(CASE WHEN i.stage = 'request' AND i.identified THEN 1 END) AS identifiedRequests,
     avg(CASE WHEN i.stage = 'respond' THEN i.amount END) AS meanSpend,
     avg(i.satisfaction) AS meanSatisfaction,
     min(i.at) AS firstAt, max(i.at) AS lastAt
RETURN f.id AS firm, stars, segment, customers, requests, firmInitiated, identifiedRequests,
       meanSpend, meanSatisfaction, firstAt, lastAt
ORDER BY segment
