// Parent companies and the cells their firms occupy
// Answers: which parent companies own firms in the market, in which cells, and whether any of those firms failed.
:param {market: 'us-mobility'};
MATCH (c:Company)<-[:OWNED_BY]-(f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OFFERS]->(o:Offering)-[:DECLARED_EXPERIENCE]->(e:Experience), (o)-[:DECLARED_ARCHITECTURE]->(a:Architecture)
RETURN c.name AS company, collect(DISTINCT f.name) AS firms,
       collect(DISTINCT e.name + ' / ' + a.name) AS cells,
       size([x IN collect(DISTINCT f) WHERE x.status = 'failed']) AS failedFirms
ORDER BY company;
