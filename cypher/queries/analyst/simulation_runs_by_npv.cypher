// Simulation runs of a firm ranked by expected NPV
// Answers: which simulated strategies (experience, personalisation level, billing model) had the highest mean NPV in the firm's stored Monte Carlo runs, with their uncertainty.
:param {firm: 'zipcar'};
MATCH (r:SimulationRun)-[:FOR_FIRM]->(:Firm {id: $firm})
MATCH (r)-[:SIMULATED]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
RETURN r.id AS run, r.name AS scenario, toString(r.createdAt) AS createdAt, s.name AS strategy, e.name AS experience,
       s.personalisationLevel AS level, s.billingModel AS billing, round(s.npvMean) AS meanNpv,
       round(s.npvP5) AS p5, round(s.npvP95) AS p95, s.probabilityNpvNegative AS probabilityNpvNegative
ORDER BY meanNpv DESC
LIMIT 50;
