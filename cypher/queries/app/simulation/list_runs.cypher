// The simulation runs of a firm, newest first, with their strategies' NPV summaries.
MATCH (r:SimulationRun)-[:FOR_FIRM]->(:Firm {id: $firm})
OPTIONAL MATCH (r)-[:SIMULATED]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
WITH r, s, e ORDER BY s.npvMean DESC
RETURN r.id AS id, r.name AS name, toString(r.createdAt) AS createdAt, r.seed AS seed,
       r.replications AS replications, r.engineVersion AS engineVersion, coalesce(r.currency, 'USD') AS currency,
       collect(CASE WHEN s IS NULL THEN null ELSE {name: s.name, experience: e.id, personalisationLevel: s.personalisationLevel,
               billingModel: s.billingModel, npvMean: s.npvMean, npvStandardError: s.npvStandardError, npvP5: s.npvP5,
               npvP50: s.npvP50, npvP95: s.npvP95, probabilityNpvNegative: s.probabilityNpvNegative} END) AS strategies
ORDER BY createdAt DESC
LIMIT $limit
