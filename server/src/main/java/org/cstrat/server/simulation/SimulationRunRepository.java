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

    /** Stores an optimisation run, linked to its firm and to its best candidate as a simulated strategy, in one transaction. */
    void saveOptimisation(StoredOptimisation run);

    /** A firm's optimisation runs, newest first, without their JSON parts. */
    List<StoredOptimisation> listOptimisations(String firmId, int limit);

    Optional<StoredOptimisation> findOptimisation(String runId);
}
