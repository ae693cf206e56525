// STAR technology stack and its gaps
// Answers: which STAR stages (sense, transmit, analyze, react) each firm of a market covers with technology, and which it lacks.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (s:StarStage)
OPTIONAL MATCH (f)-[:USES]->(t:Technology)-[:AT_STAGE]->(s)
WITH f, s, collect(t.name) AS technologies
ORDER BY s.rank
WITH f, collect({stage: s.id, technologies: technologies}) AS stack
RETURN f.name AS firm, [x IN stack WHERE size(x.technologies) > 0 | x.stage] AS covered,
       [x IN stack WHERE size(x.technologies) = 0 | x.stage] AS missing, stack
ORDER BY size(missing) DESC, firm;
