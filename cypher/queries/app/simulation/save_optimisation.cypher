// Stores one optimisation run, linked to its firm and to its best candidate as a simulated strategy (linked to its
// experience), so analysts can list what the optimiser chose next to the simulated strategies of ordinary runs.
MATCH (f:Firm {id: $run.firmId})
MATCH (e:Experience {id: $run.best.experience})
CREATE (o:OptimisationRun {id: $run.id, name: $run.name, createdAt: datetime($run.createdAt), seed: $run.seed,
                           finalSeed: $run.finalSeed, engineVersion: $run.engineVersion, status: $run.status,
                           objective: $run.objective, decisions: $run.decisions, bestValues: $run.bestValues,
                           objectiveValue: $run.objectiveValue, objectiveLow: $run.objectiveLow, objectiveHigh: $run.objectiveHigh,
                           probabilityBestBeatsCurrent: $run.probabilityBestBeatsCurrent, evaluations: $run.evaluations,
                           currency: $run.currency, scenario: $run.scenarioJson, result: $run.resultJson})
CREATE (o)-[:FOR_FIRM]->(f)
CREATE (o)-[:BEST]->(st:SimulatedStrategy {id: $run.id + ':' + $run.best.name, name: $run.best.name,
        personalisationLevel: $run.best.personalisationLevel, billingModel: $run.best.billingModel,
        npvMean: $run.best.npvMean, npvStandardError: $run.best.npvStandardError, npvP5: $run.best.npvP5,
        npvP50: $run.best.npvP50, npvP95: $run.best.npvP95, probabilityNpvNegative: $run.best.probabilityNpvNegative})
CREATE (st)-[:IN_EXPERIENCE]->(e)
