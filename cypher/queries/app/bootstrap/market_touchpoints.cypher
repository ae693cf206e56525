// The touchpoints of every firm in a market, in a stable order, to seed the synthetic customers.
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OPERATES]->(t:Touchpoint)
RETURN f.id AS firm, t.id AS touchpoint, t.initiative AS initiative
ORDER BY firm, touchpoint
