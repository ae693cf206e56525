// Firms per cell of a market's matrix
// Answers: which firms sit in each cell (connected customer experience x connection architecture) of a market, by declared placement.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OFFERS]->(o:Offering)-[:DECLARED_EXPERIENCE]->(e:Experience)
MATCH (o)-[:DECLARED_ARCHITECTURE]->(a:Architecture)
WITH e, a, collect(DISTINCT f.name) AS names
ORDER BY e.rank, a.rank
RETURN e.name AS experience, a.name AS architecture, size(names) AS firms, names;
