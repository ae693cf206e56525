package org.cstrat.sim.compare;

import java.util.ArrayList;
import java.util.List;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;

/**
 * The value of a firm in each of the 20 cells of the matrix: the scenario's parameters (the firm's
 * current data) with the cell's experience, the base strategy's personalisation level, investment
 * and fixed cost, and the billing model {@link HeatmapMapping} assigns to the cell's architecture.
 * The 20 strategies run together as one scenario, so they share random numbers.
 */
public final class Heatmap {
    /** The matrix's cells, each one strategy of the heatmap's single run. */
    public static final int CELLS = Experience.values().length * Architecture.values().length;

    private final SimulationEngine engine;
    private final HeatmapMapping mapping;

    public Heatmap(SimulationEngine engine, HeatmapMapping mapping) {
        this.engine = Checks.present("engine", engine);
        this.mapping = Checks.present("mapping", mapping);
    }

    public HeatmapResult run(Scenario scenario, String baseStrategy, int replications, ProgressListener listener,
                             CancellationToken cancel) {
        Strategy base = scenario.strategies().stream().filter(s -> s.name().equals(baseStrategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("baseStrategy: unknown strategy name, was " + baseStrategy));
        List<Strategy> cells = new ArrayList<>();
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                cells.add(mapping.strategyFor(e, a, base, scenario.parameters()));
            }
        }
        Scenario grid = scenario.withStrategies(cells)
                .withRun(scenario.run().withReplications(replications).withTargetRelativeError(0));
        SimulationResult r = engine.run(grid, listener, cancel);
        List<HeatmapCell> out = new ArrayList<>();
        int i = 0;
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                StrategyResult s = r.strategies().get(i);
                out.add(new HeatmapCell(e, a, s.billing(), s.npv(), cells.get(i).fulfilmentCostShare()));
                i++;
            }
        }
        return new HeatmapResult(scenario.name(), base.name(), r.replications(),
                HeatmapMapping.referencePrice(base.billing(), scenario.parameters()), mapping, out);
    }
}
