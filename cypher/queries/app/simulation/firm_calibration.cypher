// What a firm's graph data says about its customers, per segment, to calibrate a simulation:
// customers, request episodes, observation window, share of identified episodes, mean spend,
// mean satisfaction, share of episodes the firm initiated, mean P(alive) of valued customers;
// per customer sums of squares for the standard errors of the mean spend and satisfaction
// (customers are the independent units), the BG/NBD inputs [x, tx, T] of the valued customers;
// plus the firm's STAR stages, its fitted value model (null before a valuation) and its revenue models
// (EARNS_BY, ordered by id), which bill the calibrated current strategy (FirmBilling).
// A customer's segment is its emergent segment for this firm (IN_SEGMENT), else its own segment
// property, else 'all'.
MATCH (f:Firm {id: $firm})
OPTIONAL MATCH (f)-[:USES]->(t:Technology)
WITH f, [s IN collect(t.star) WHERE s IS NOT NULL] AS stars
OPTIONAL MATCH (f)-[:HAS_VALUE_MODEL]->(m:ValueModel)
WITH f, stars, CASE WHEN m IS NULL THEN null ELSE m {.*} END AS valueModel,
     [(f)-[:EARNS_BY]->(rm:RevenueModel) | rm {.id, .name, .kind, .payer, .unit, .price, .indicator}] AS revenueModels
OPTIONAL MATCH (c:Customer)-[co:CUSTOMER_OF]->(f)
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(seg:Segment {firm: $firm})
WITH f, stars, valueModel, revenueModels, c, co, coalesce(seg.name, c.segment, 'all') AS segment
OPTIONAL MATCH (c)-[:HAD]->(i:Interaction)-[:THROUGH]->(:Touchpoint)<-[:OPERATES]-(f)
WITH f, stars, valueModel, revenueModels, segment, c, co.pAlive AS pAlive,
     CASE WHEN co.x IS NULL THEN null ELSE [toFloat(co.x), co.tx, co.T] END AS history,
     count(CASE WHEN i.stage = 'request' THEN 1 END) AS requests,
     count(CASE WHEN i.stage = 'recognize' AND i.initiatedBy = 'firm' THEN 1 END) AS firmInitiated,
     count(CASE WHEN i.stage = 'request' AND i.identified THEN 1 END) AS identifiedRequests,
     sum(CASE WHEN i.stage = 'respond' AND i.amount IS NOT NULL THEN i.amount ELSE 0 END) AS spend,
     count(CASE WHEN i.stage = 'respond' AND i.amount IS NOT NULL THEN 1 END) AS responds,
     sum(coalesce(i.satisfaction, 0)) AS satisfaction, count(i.satisfaction) AS rated,
     min(i.at) AS firstAt, max(i.at) AS lastAt
RETURN f.id AS firm, stars, valueModel, revenueModels, segment, count(c) AS customers, sum(requests) AS requests, sum(firmInitiated) AS firmInitiated,
       sum(identifiedRequests) AS identifiedRequests,
       CASE WHEN sum(responds) = 0 THEN null ELSE sum(spend) / sum(responds) END AS meanSpend,
       CASE WHEN sum(rated) = 0 THEN null ELSE toFloat(sum(satisfaction)) / sum(rated) END AS meanSatisfaction,
       {units: count(CASE WHEN responds > 0 THEN 1 END), y: toFloat(sum(spend)), k: toFloat(sum(responds)),
        yy: toFloat(sum(spend * spend)), yk: toFloat(sum(spend * responds)), kk: toFloat(sum(responds * responds))} AS spendSums,
       {units: count(CASE WHEN rated > 0 THEN 1 END), y: toFloat(sum(satisfaction)), k: toFloat(sum(rated)),
        yy: toFloat(sum(satisfaction * satisfaction)), yk: toFloat(sum(satisfaction * rated)), kk: toFloat(sum(rated * rated))} AS satisfactionSums,
       avg(pAlive) AS meanPAlive, collect(history) AS histories, min(firstAt) AS firstAt, max(lastAt) AS lastAt
ORDER BY segment
