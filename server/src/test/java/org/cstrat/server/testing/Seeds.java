package org.cstrat.server.testing;

import java.util.List;

import org.cstrat.server.simulation.Neo4jSimulationRunRepository;
import org.cstrat.server.simulation.StoredRun;
import org.neo4j.driver.Driver;

/** Data that a used workbench has and a fresh demo does not, stored the way the application stores it. */
public final class Seeds {

    private Seeds() {
    }

    /** A stored simulation run of zipcar, unless zipcar has one already (the shared test database keeps it). */
    public static void simulationRun(Driver driver) {
        long runs = driver.executableQuery("MATCH (r:SimulationRun)-[:FOR_FIRM]->(:Firm {id: 'zipcar'}) RETURN count(r) AS n")
                .execute().records().get(0).get("n").asLong();
        if (runs == 0) {
            new Neo4jSimulationRunRepository(driver).save(new StoredRun("run-seeded", "zipcar", null, "seeded run",
                    "2026-01-01T00:00:00Z", 1, 10, "test", "{}", "{}", "{}", "{}",
                    List.of(new StoredRun.StrategySummary("s", "curated_offering", 2, "flat_price", 100, 5, 90, 100, 110, 0))));
        }
        long optimisations = driver.executableQuery("MATCH (o:OptimisationRun)-[:FOR_FIRM]->(:Firm {id: 'zipcar'}) RETURN count(o) AS n")
                .execute().records().get(0).get("n").asLong();
        if (optimisations == 0) { // optimisation_runs.cypher needs one
            new Neo4jSimulationRunRepository(driver).saveOptimisation(new org.cstrat.server.simulation.StoredOptimisation("opt-seeded",
                    "zipcar", null, "seeded optimisation", "2026-01-01T00:00:00Z", 1, 2, "test", "OPTIMAL", "mean NPV",
                    List.of("strategy.billing.price"), List.of("11.5"), 120, 110, 130, 0.9, 20, "USD", "{}", "{}",
                    new StoredRun.StrategySummary("s (optimised)", "curated_offering", 2, "flat_price", 120, 5, 100, 120, 140, 0)));
        }
    }
}
