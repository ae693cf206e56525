// Optimisation runs of a firm: what the optimiser chose
// Answers: for each stored optimisation of the firm, the decision it chose, its objective with the 95 % interval, how likely it beats the current strategy, whether it met the constraints, and the chosen strategy's NPV summary.
:param {firm: 'zipcar'};
MATCH (o:OptimisationRun)-[:FOR_FIRM]->(:Firm {id: $firm})
MATCH (o)-[:BEST]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
RETURN o.id AS run, o.name AS scenario, toString(o.createdAt) AS createdAt, o.status AS status, o.objective AS objective,
       o.decisions AS decisions, o.bestValues AS chosen, round(o.objectiveValue) AS value, round(o.objectiveLow) AS low,
       round(o.objectiveHigh) AS high, o.probabilityBestBeatsCurrent AS probabilityBeatsCurrent, e.name AS experience,
       s.personalisationLevel AS level, s.billingModel AS billing, round(s.npvMean) AS meanNpv, s.probabilityNpvNegative AS probabilityNpvNegative,
       o.currency AS currency
ORDER BY o.createdAt DESC
LIMIT 50;
