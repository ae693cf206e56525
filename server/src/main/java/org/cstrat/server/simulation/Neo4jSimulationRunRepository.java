package org.cstrat.server.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** {@link SimulationRunRepository} over the Driver; Cypher in {@code cypher/queries/app/simulation/}. */
public final class Neo4jSimulationRunRepository implements SimulationRunRepository {

    private static final String SAVE_RUN = CypherFiles.query("simulation/save_run");
    private static final String LIST_RUNS = CypherFiles.query("simulation/list_runs");
    private static final String FIND_RUN = CypherFiles.query("simulation/find_run");
    private static final String FIRM_NAME = CypherFiles.query("firm/firm_name");
    private static final String SAVE_OPTIMISATION = CypherFiles.query("simulation/save_optimisation");
    private static final String LIST_OPTIMISATIONS = CypherFiles.query("simulation/list_optimisations");
    private static final String FIND_OPTIMISATION = CypherFiles.query("simulation/find_optimisation");

    private final Driver driver;
    private final Reads reads;

    public Neo4jSimulationRunRepository(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    @Override
    public Optional<String> firmName(String firmId) {
        return reads.list(FIRM_NAME, Map.of("firm", firmId), r -> r.get("name").asString()).stream().findFirst();
    }

    @Override
    public void save(StoredRun run) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", run.id());
        row.put("firmId", run.firmId());
        row.put("name", run.name());
        row.put("createdAt", run.createdAt());
        row.put("seed", run.seed());
        row.put("replications", run.replications());
        row.put("engineVersion", run.engineVersion());
        row.put("scenarioJson", run.scenarioJson());
        row.put("resultJson", run.resultJson());
        row.put("tornadoJson", run.tornadoJson());
        row.put("heatmapJson", run.heatmapJson());
        row.put("currency", run.currency());
        row.put("strategies", run.strategies().stream().map(s -> Map.<String, Object>of(
                "name", s.name(), "experience", s.experience(), "personalisationLevel", s.personalisationLevel(),
                "billingModel", s.billingModel(), "npvMean", s.npvMean(), "npvStandardError", s.npvStandardError(),
                "npvP5", s.npvP5(), "npvP50", s.npvP50(), "npvP95", s.npvP95(),
                "probabilityNpvNegative", s.probabilityNpvNegative())).toList());
        driver.executableQuery(SAVE_RUN).withParameters(Map.of("run", row)).execute();
    }

    @Override
    public List<StoredRun> list(String firmId, int limit) {
        return reads.list(LIST_RUNS, Map.of("firm", firmId, "limit", limit), r -> new StoredRun(
                r.get("id").asString(), firmId, null, r.get("name").asString(), r.get("createdAt").asString(),
                r.get("seed").asLong(), r.get("replications").asInt(), r.get("engineVersion").asString(),
                null, null, null, null, strategies(r.get("strategies")), r.get("currency").asString(null)));
    }

    @Override
    public Optional<StoredRun> find(String runId) {
        return reads.list(FIND_RUN, Map.of("id", runId), Neo4jSimulationRunRepository::run).stream().findFirst();
    }

    @Override
    public void saveOptimisation(StoredOptimisation run) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", run.id());
        row.put("firmId", run.firmId());
        row.put("name", run.name());
        row.put("createdAt", run.createdAt());
        row.put("seed", run.seed());
        row.put("finalSeed", run.finalSeed());
        row.put("engineVersion", run.engineVersion());
        row.put("status", run.status());
        row.put("objective", run.objective());
        row.put("decisions", run.decisions());
        row.put("bestValues", run.bestValues());
        row.put("objectiveValue", run.objectiveValue());
        row.put("objectiveLow", run.objectiveLow());
        row.put("objectiveHigh", run.objectiveHigh());
        row.put("probabilityBestBeatsCurrent", run.probabilityBestBeatsCurrent());
        row.put("evaluations", run.evaluations());
        row.put("currency", run.currency());
        row.put("scenarioJson", run.scenarioJson());
        row.put("resultJson", run.resultJson());
        StoredRun.StrategySummary s = run.best();
        row.put("best", Map.<String, Object>of("name", s.name(), "experience", s.experience(),
                "personalisationLevel", s.personalisationLevel(), "billingModel", s.billingModel(), "npvMean", s.npvMean(),
                "npvStandardError", s.npvStandardError(), "npvP5", s.npvP5(), "npvP50", s.npvP50(), "npvP95", s.npvP95(),
                "probabilityNpvNegative", s.probabilityNpvNegative()));
        driver.executableQuery(SAVE_OPTIMISATION).withParameters(Map.of("run", row)).execute();
    }

    @Override
    public List<StoredOptimisation> listOptimisations(String firmId, int limit) {
        return reads.list(LIST_OPTIMISATIONS, Map.of("firm", firmId, "limit", limit), r -> optimisation(r, firmId, null, null, null));
    }

    @Override
    public Optional<StoredOptimisation> findOptimisation(String runId) {
        return reads.list(FIND_OPTIMISATION, Map.of("id", runId), r -> optimisation(r, r.get("firmId").asString(),
                r.get("firmName").asString(), r.get("scenario").asString(null), r.get("result").asString(null))).stream().findFirst();
    }

    private static StoredOptimisation optimisation(Record r, String firmId, String firmName, String scenario, String result) {
        Value b = r.get("best");
        StoredRun.StrategySummary best = new StoredRun.StrategySummary(b.get("name").asString(), b.get("experience").asString(),
                b.get("personalisationLevel").asInt(), b.get("billingModel").asString(), b.get("npvMean").asDouble(),
                b.get("npvStandardError").asDouble(), b.get("npvP5").asDouble(), b.get("npvP50").asDouble(),
                b.get("npvP95").asDouble(), b.get("probabilityNpvNegative").asDouble());
        return new StoredOptimisation(r.get("id").asString(), firmId, firmName, r.get("name").asString(),
                r.get("createdAt").asString(), r.get("seed").asLong(), r.get("finalSeed").asLong(), r.get("engineVersion").asString(),
                r.get("status").asString(), r.get("objective").asString(), r.get("decisions").asList(Value::asString),
                r.get("bestValues").asList(Value::asString), r.get("objectiveValue").asDouble(), r.get("objectiveLow").asDouble(),
                r.get("objectiveHigh").asDouble(), r.get("probabilityBestBeatsCurrent").asDouble(), r.get("evaluations").asInt(),
                r.get("currency").asString(null), scenario, result, best);
    }

    private static StoredRun run(Record r) {
        return new StoredRun(r.get("id").asString(), r.get("firmId").asString(), r.get("firmName").asString(),
                r.get("name").asString(), r.get("createdAt").asString(), r.get("seed").asLong(), r.get("replications").asInt(),
                r.get("engineVersion").asString(), r.get("scenario").asString(null), r.get("result").asString(null),
                r.get("tornado").asString(null), r.get("heatmap").asString(null), List.of(), r.get("currency").asString(null));
    }

    private static List<StoredRun.StrategySummary> strategies(Value list) {
        return list.asList(v -> new StoredRun.StrategySummary(v.get("name").asString(), v.get("experience").asString(),
                v.get("personalisationLevel").asInt(), v.get("billingModel").asString(), v.get("npvMean").asDouble(),
                v.get("npvStandardError").asDouble(), v.get("npvP5").asDouble(), v.get("npvP50").asDouble(),
                v.get("npvP95").asDouble(), v.get("probabilityNpvNegative").asDouble()));
    }
}
