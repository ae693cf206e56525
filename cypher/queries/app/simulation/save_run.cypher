// Stores one simulation run, linked to its firm, with one node per simulated strategy (linked to
// its experience) so analysts can rank runs and strategies by expected NPV in Cypher.
MATCH (f:Firm {id: $run.firmId})
CREATE (r:SimulationRun {id: $run.id, name: $run.name, createdAt: datetime($run.createdAt), seed: $run.seed,
                         replications: $run.replications, engineVersion: $run.engineVersion,
                         scenario: $run.scenarioJson, result: $run.resultJson,
                         tornado: $run.tornadoJson, heatmap: $run.heatmapJson, currency: $run.currency})
CREATE (r)-[:FOR_FIRM]->(f)
WITH r
UNWIND $run.strategies AS s
MATCH (e:Experience {id: s.experience})
CREATE (r)-[:SIMULATED]->(st:SimulatedStrategy {id: $run.id + ':' + s.name, name: s.name,
        personalisationLevel: s.personalisationLevel, billingModel: s.billingModel,
        npvMean: s.npvMean, npvStandardError: s.npvStandardError, npvP5: s.npvP5, npvP50: s.npvP50,
        npvP95: s.npvP95, probabilityNpvNegative: s.probabilityNpvNegative})
CREATE (st)-[:IN_EXPERIENCE]->(e)
