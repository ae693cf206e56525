package org.cstrat.server.simulation;

import java.util.List;
import java.util.Optional;

/** Simulation runs in the graph. */
public interface SimulationRunRepository {

    /** The firm's name, or empty when there is no such firm. */
    Optional<String> firmName(String firmId);

    /** Stores a run in one transaction. */
    void save(StoredRun run);

    /** A firm's runs, newest first, without their large JSON parts. */
    List<StoredRun> list(String firmId, int limit);

    Optional<StoredRun> find(String runId);
}
