// Revenue by billing model
// Answers: how much customers spent (respond steps) with firms of a market, grouped by the kinds of billing model the firm uses.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:EARNS_BY]->(rm:RevenueModel)
WITH f, collect(DISTINCT rm.kind) AS kinds
OPTIONAL MATCH (f)-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction {stage: 'respond'})
WITH f, kinds, sum(coalesce(i.amount, 0)) AS revenue, count(i) AS episodes
UNWIND kinds AS kind
RETURN kind AS billingModel, count(f) AS firms, round(sum(revenue), 2) AS customerSpend, sum(episodes) AS servedEpisodes
ORDER BY customerSpend DESC;
