// What a firm already has: the ids its offerings, touchpoints, technologies, actors and revenue models use.
MATCH (f:Firm {id: $firm})
RETURN [(f)-[:OFFERS]->(o:Offering) | o.id] AS offerings,
       [(f)-[:OPERATES]->(t:Touchpoint) | t.id] AS touchpoints,
       [(f)-[:USES]->(x:Technology) | x.id] AS technologies,
       [(f)-[:HAS_ACTOR]->(a:Actor) | a.id] AS actors,
       [(f)-[:EARNS_BY]->(r:RevenueModel) | r.id] AS revenueModels
