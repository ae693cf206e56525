// Declared and evidenced rows per firm, market by market
// Answers: for every firm of a market, how many offerings it runs, how many carry a declaration, and which experiences its touchpoints let it initiate (curated, coach, automatic): a quick view of how far each firm has moved down the matrix.
:param {market: 'us-connected-fitness'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
OPTIONAL MATCH (f)-[:OFFERS]->(o:Offering)
WITH f, count(o) AS offerings, count(CASE WHEN EXISTS { (o)-[:DECLARED_EXPERIENCE]->() } THEN 1 END) AS declared
RETURN f.name AS firm, f.type AS type, offerings, declared,
       [(f)-[:OPERATES]->(t:Touchpoint) WHERE t.initiative STARTS WITH 'firm_' AND t.initiative <> 'firm_notify' | t.initiative] AS firmInitiatedTouchpoints
ORDER BY firm;
