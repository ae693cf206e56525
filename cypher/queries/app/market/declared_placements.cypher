// The declared cell (experience x architecture) of every offering of every firm in a market.
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OFFERS]->(o:Offering)-[:DECLARED_EXPERIENCE]->(e:Experience)
MATCH (o)-[:DECLARED_ARCHITECTURE]->(a:Architecture)
OPTIONAL MATCH (f)-[:OWNED_BY]->(c:Company)
RETURN f.id AS firmId, f.name AS firmName, f.status AS status, c.id AS parentId, c.name AS parentName,
       o.id AS offeringId, o.name AS offeringName, e.id AS experience, a.id AS architecture
ORDER BY firmName, offeringId
