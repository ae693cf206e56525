// White space: empty cells of a market's matrix
// Answers: which of the 20 cells no firm of the market occupies yet: candidate places for an innovation.
:param {market: 'us-mobility'};
MATCH (e:Experience), (a:Architecture)
OPTIONAL MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market}),
               (f)-[:OFFERS]->(o:Offering)-[:DECLARED_EXPERIENCE]->(e),
               (o)-[:DECLARED_ARCHITECTURE]->(a)
WITH e, a, count(f) AS firms
WHERE firms = 0
RETURN e.name AS experience, a.name AS architecture
ORDER BY e.rank, a.rank;
