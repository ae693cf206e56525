package org.cstrat.sim.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.SimulationRunner;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;

/**
 * The value of a firm in each of the 20 cells of the matrix: the scenario's parameters (the firm's
 * current data) with the cell's experience, the base strategy's personalisation level, investment
 * and fixed cost, and the billing model {@link HeatmapMapping} assigns to the cell's architecture;
 * except the base strategy's own cell (its experience × its architecture, by default
 * {@link HeatmapMapping#architectureOf} its billing), which runs the base strategy itself, so that it equals the
 * strategy's result in the main run on the same seed and replications. The 20 strategies run together as one
 * scenario, so they share random numbers. Every cell states the billing model and price it used.
 */
public final class Heatmap {
    /** The matrix's cells, each one strategy of the heatmap's single run. */
    public static final int CELLS = Experience.values().length * Architecture.values().length;

    private final SimulationRunner engine;
    private final HeatmapMapping mapping;

    /** @param engine the in-process {@code SimulationEngine} or a cluster runner (the 20 cells are one run) */
    public Heatmap(SimulationRunner engine, HeatmapMapping mapping) {
        this.engine = Checks.present("engine", engine);
        this.mapping = Checks.present("mapping", mapping);
    }

    /** The heatmap with the base strategy's own cell in the column {@link HeatmapMapping#architectureOf} its billing. */
    public HeatmapResult run(Scenario scenario, String baseStrategy, int replications, ProgressListener listener,
                             CancellationToken cancel) {
        return run(scenario, baseStrategy, null, replications, null, listener, cancel);
    }

    /**
     * @param ownArchitecture the base strategy's column, null for {@link HeatmapMapping#architectureOf} its billing
     * @param main            the main run of {@code scenario} (same seed), or null: when given and it ran with other
     *                        replications than the heatmap, the own cell shows the main run's NPV of the base strategy
     *                        (the same strategy on the same random numbers, with the main run's replications), so the
     *                        cell and the main table agree whatever the heatmap's replications
     */
    public HeatmapResult run(Scenario scenario, String baseStrategy, Architecture ownArchitecture, int replications,
                             SimulationResult main, ProgressListener listener, CancellationToken cancel) {
        Strategy base = scenario.strategies().stream().filter(s -> s.name().equals(baseStrategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("baseStrategy: unknown strategy name, was " + baseStrategy));
        if (main != null && main.seed() != scenario.run().seed()) {
            throw new IllegalArgumentException("main: a run with seed " + main.seed() + ", the heatmap's scenario has seed " + scenario.run().seed());
        }
        Architecture own = ownArchitecture != null ? ownArchitecture : HeatmapMapping.architectureOf(base.billing());
        Architecture[] columns = Architecture.values();
        List<Strategy> cells = new ArrayList<>();
        for (Experience e : Experience.values()) {
            for (Architecture a : columns) {
                cells.add(e == base.experience() && a == own ? base.withName(e.id() + "/" + a.id())
                        : mapping.strategyFor(e, a, base, scenario.parameters()));
            }
        }
        Scenario grid = scenario.withStrategies(cells)
                .withRun(scenario.run().withReplications(replications).withTargetRelativeError(0));
        SimulationResult r = engine.run(grid, listener, cancel);
        List<HeatmapCell> out = new ArrayList<>();
        boolean[] mergedAll = new boolean[columns.length * columns.length];
        java.util.Arrays.fill(mergedAll, true);
        int i = 0;
        for (Experience e : Experience.values()) {
            int rowStart = i;
            for (Architecture a : columns) {
                Strategy cell = cells.get(i);
                Architecture sameAs = null;
                for (int j = a.ordinal() + 1; j < columns.length && sameAs == null; j++) {
                    if (HeatmapMapping.samePricing(cell, cells.get(rowStart + j), scenario.parameters())) {
                        sameAs = columns[j];
                    }
                }
                for (int j = 0; j < columns.length; j++) {
                    mergedAll[a.ordinal() * columns.length + j] &= sameAs == columns[j];
                }
                boolean isOwn = e == base.experience() && a == own;
                StrategyResult s = r.strategies().get(i);
                if (isOwn && main != null && main.replications() != replications) {
                    s = main.strategy(base.name());
                }
                out.add(new HeatmapCell(e, a, cell.billing().kind(), cell.billing(), HeatmapMapping.terms(cell.billing()),
                        HeatmapMapping.referencePrice(cell.billing(), scenario.parameters()), isOwn, sameAs, s.npv(),
                        cell.fulfilmentCostShare()));
                i++;
            }
        }
        double price = HeatmapMapping.referencePrice(base.billing(), scenario.parameters());
        List<String> merged = new ArrayList<>();
        for (Architecture a : columns) {
            for (Architecture into : columns) {
                if (mergedAll[a.ordinal() * columns.length + into.ordinal()]) {
                    merged.add(a == Architecture.CONNECTED_PRODUCER
                            ? String.format(Locale.ROOT, "%s = %s: every segment uses the same %s units per episode, so the"
                                    + " producer's pay per use at %.2f / %s per unit charges the retailer's flat price %.2f per episode;"
                                    + " the two columns ran the same strategies and are shown as one.",
                                    a.label(), into.label(), units(cells.get(a.ordinal()), scenario), price,
                                    units(cells.get(a.ordinal()), scenario), price)
                            : String.format(Locale.ROOT, "%s = %s: in every row the two columns ran the same strategy, so they"
                                    + " are shown as one.", a.label(), into.label()));
                }
            }
        }
        String explanation = String.format(Locale.ROOT,
                "Each cell runs %s with the cell's experience and the billing model of the cell's architecture, priced from"
                        + " %.2f %s per episode (what a customer pays under %s, %s); only the strategy's own cell (%s x %s) keeps"
                        + " its own billing, so it equals its result in the main table.",
                base.name(), price, scenario.currency(), base.name(), HeatmapMapping.terms(base.billing()), base.experience().id(), own.id());
        return new HeatmapResult(scenario.name(), base.name(), r.replications(), price, own, explanation, merged, mapping, out, scenario.currency());
    }

    /** The mean units per episode the connected producer's price divides by, from its pay-per-use cell. */
    private static String units(Strategy producerCell, Scenario scenario) {
        double units = 1;
        if (producerCell.billing() instanceof org.cstrat.sim.model.BillingModel.PayPerUse ppu && ppu.pricePerUnit() > 0) {
            units = HeatmapMapping.referencePrice(producerCell.billing(), scenario.parameters()) / ppu.pricePerUnit();
        }
        return String.format(Locale.ROOT, "%.2f", units);
    }
}
