// A firm's optimisation runs, newest first, with the best candidate's NPV summary (no JSON parts).
MATCH (o:OptimisationRun)-[:FOR_FIRM]->(:Firm {id: $firm})
MATCH (o)-[:BEST]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
RETURN o.id AS id, o.name AS name, toString(o.createdAt) AS createdAt, o.seed AS seed, o.finalSeed AS finalSeed,
       o.engineVersion AS engineVersion, o.status AS status, o.objective AS objective, o.decisions AS decisions,
       o.bestValues AS bestValues, o.objectiveValue AS objectiveValue, o.objectiveLow AS objectiveLow,
       o.objectiveHigh AS objectiveHigh, o.probabilityBestBeatsCurrent AS probabilityBestBeatsCurrent,
       o.evaluations AS evaluations, o.currency AS currency,
       s {.name, .personalisationLevel, .billingModel, .npvMean, .npvStandardError, .npvP5, .npvP50, .npvP95,
          .probabilityNpvNegative, experience: e.id} AS best
ORDER BY o.createdAt DESC
LIMIT $limit
