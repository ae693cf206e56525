// The ids of the firms competing in a market, by name.
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
RETURN f.id AS id
ORDER BY f.name, f.id
