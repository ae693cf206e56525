// Actors who benefit from a firm's network but do not pay
// Answers: which ecosystem actors gain from the firm's customers (partners, advertisers, prescribers, distributors) without paying the firm: candidates for a third-party-pays revenue model.
:param {firm: 'uber'};
MATCH (f:Firm {id: $firm})-[r:HAS_ACTOR]->(a:Actor)
WHERE r.role IN ['partner', 'advertiser', 'prescriber', 'distributor', 'influencer', 'supplier']
  AND NOT (a)-[:PAYS]->(f)
  AND NOT EXISTS { MATCH (f)-[:EARNS_BY]->(:RevenueModel)-[:PAID_BY]->(a) }
OPTIONAL MATCH (c:Customer)-[:CUSTOMER_OF]->(f)
RETURN a.name AS actor, r.role AS role, a.kind AS kind, count(DISTINCT c) AS customersTheyCouldReach
ORDER BY actor;
