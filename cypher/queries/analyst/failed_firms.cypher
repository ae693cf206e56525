// Failed firms and where they stood
// Answers: which firms of a market failed, where they stood on the matrix and what they lacked in their STAR stack, for lessons learned.
:param {market: 'us-mobility'};
MATCH (f:Firm {status: 'failed'})-[:COMPETES_IN]->(:Market {id: $market})
OPTIONAL MATCH (f)-[:OFFERS]->(o:Offering)-[:DECLARED_EXPERIENCE]->(e:Experience)
OPTIONAL MATCH (o)-[:DECLARED_ARCHITECTURE]->(a:Architecture)
WITH f, collect(DISTINCT e.name + ' / ' + a.name) AS cells
OPTIONAL MATCH (f)-[:USES]->(t:Technology)
WITH f, cells, collect(DISTINCT t.star) AS stages
RETURN f.name AS firm, f.source AS source, cells,
       [s IN ['sense', 'transmit', 'analyze', 'react'] WHERE NOT s IN stages] AS missingStarStages;
