// One simulation run with everything stored about it.
MATCH (r:SimulationRun {id: $id})-[:FOR_FIRM]->(f:Firm)
RETURN r.id AS id, f.id AS firmId, f.name AS firmName, r.name AS name, toString(r.createdAt) AS createdAt,
       r.seed AS seed, r.replications AS replications, r.engineVersion AS engineVersion,
       r.scenario AS scenario, r.result AS result, r.tornado AS tornado, r.heatmap AS heatmap,
       coalesce(r.currency, 'USD') AS currency
