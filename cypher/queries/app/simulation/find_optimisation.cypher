// One optimisation run with its firm, scenario and full result.
MATCH (o:OptimisationRun {id: $id})-[:FOR_FIRM]->(f:Firm)
MATCH (o)-[:BEST]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
RETURN o.id AS id, f.id AS firmId, f.name AS firmName, o.name AS name, toString(o.createdAt) AS createdAt, o.seed AS seed,
       o.finalSeed AS finalSeed, o.engineVersion AS engineVersion, o.status AS status, o.objective AS objective,
       o.decisions AS decisions, o.bestValues AS bestValues, o.objectiveValue AS objectiveValue,
       o.objectiveLow AS objectiveLow, o.objectiveHigh AS objectiveHigh,
       o.probabilityBestBeatsCurrent AS probabilityBestBeatsCurrent, o.evaluations AS evaluations, o.currency AS currency,
       o.scenario AS scenario, o.result AS result,
       s {.name, .personalisationLevel, .billingModel, .npvMean, .npvStandardError, .npvP5, .npvP50, .npvP95,
          .probabilityNpvNegative, experience: e.id} AS best
