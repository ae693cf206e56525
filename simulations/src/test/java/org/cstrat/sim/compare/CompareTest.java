package org.cstrat.sim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.PairwiseComparison;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.junit.jupiter.api.Test;

class CompareTest {
    private static final SimulationEngine ENGINE = new SimulationEngine(2);

    @Test
    void strategyComparedWithItselfDiffersByExactlyZero() {
        Strategy s = Fixtures.curated(9);
        Scenario sc = Scenario.of("self", Fixtures.small(), List.of(s, s.withName("copy"))).withRun(new RunSettings(50, 3, 10, 0));
        PairwiseComparison c = ENGINE.run(sc).comparison("copy", "curated");
        assertEquals(0.0, c.difference().mean(), 0.0);
        assertEquals(0.0, c.difference().sd(), 0.0);
        assertEquals(0.0, c.difference().min(), 0.0);
        assertEquals(0.0, c.difference().max(), 0.0);
        assertEquals(0.0, c.probabilityABeatsB(), 0.0);
        assertEquals(1.0, c.probabilityTie(), 0.0);
    }

    @Test
    void commonRandomNumbersShrinkTheVarianceOfDifferences() {
        Strategy a = Fixtures.curated(9);
        Strategy b = Fixtures.curated(9.2).withName("curated-dearer");
        Scenario sc = Scenario.of("crn", Fixtures.small(), List.of(a, b)).withRun(new RunSettings(200, 3, 10, 0));
        SimulationResult r = ENGINE.run(sc);
        double independent = Math.hypot(r.strategies().get(0).npv().sd(), r.strategies().get(1).npv().sd());
        double paired = r.comparison("curated-dearer", "curated").difference().sd();
        assertTrue(paired < 0.5 * independent, "paired sd " + paired + " vs independent " + independent);
    }

    @Test
    void frontierIsRelativeToTheBaseline() {
        SimulationResult r = ENGINE.run(Fixtures.smallScenario(40, 1));
        assertEquals(0.0, r.frontier().get(0).wtpUplift(), 0.0);
        assertEquals(0.0, r.frontier().get(0).costReduction(), 0.0);
        assertEquals(r.strategies().get(2).wtpPerServedEpisode() / r.strategies().get(0).wtpPerServedEpisode() - 1,
                r.frontier().get(2).wtpUplift(), 1e-12);
        assertTrue(r.frontier().stream().anyMatch(f -> f.efficient()));
    }

    @Test
    void tornadoSwingsEveryParameterAndSortsBars() {
        Scenario sc = Fixtures.smallScenario(20, 8);
        List<String> only = List.of("parameters.segments[a].willingnessToPay", "parameters.costs.perEpisode", "strategy.billing.price",
                "strategy.investment", "parameters.star.react");
        long[] last = new long[2];
        TornadoResult t = new Tornado(ENGINE).run(sc, "curated", 0.2, 20, only, (d, n) -> {
            last[0] = d;
            last[1] = n;
        }, CancellationToken.none());
        assertEquals(List.of("strategy.investment"), t.skipped(), "base 0 cannot swing relatively");
        assertEquals(4, t.bars().size());
        for (int i = 1; i < t.bars().size(); i++) {
            assertTrue(t.bars().get(i - 1).range() >= t.bars().get(i).range());
        }
        TornadoBar cost = t.bars().stream().filter(b -> b.parameter().equals("parameters.costs.perEpisode")).findFirst().orElseThrow();
        assertEquals(3.2, cost.lowValue(), 1e-12);
        assertTrue(cost.npvAtLow() > cost.npvAtHigh(), "cheaper fulfilment is worth more");
        assertEquals(last[1], last[0]);
        assertEquals(20L * 9, last[1]);
        assertTrue(Tornado.parameters(sc, "curated").size() > 60, "every numeric parameter is a candidate");
    }

    @Test
    void heatmapCoversTwentyCellsWithArchitectureBilling() {
        Scenario sc = Fixtures.smallScenario(10, 2);
        HeatmapResult h = new Heatmap(ENGINE, HeatmapMapping.defaults()).run(sc, "respond-flat", 10, ProgressListener.NONE,
                CancellationToken.none());
        assertEquals(20, h.cells().size());
        assertEquals(9.0, h.referencePrice(), 0.0);
        assertEquals(RevenueModelKind.PAY_PER_USE, h.cell(Experience.COACH_BEHAVIOR, Architecture.CONNECTED_PRODUCER).billing());
        assertEquals(RevenueModelKind.FLAT_PRICE, h.cell(Experience.CURATED_OFFERING, Architecture.CONNECTED_RETAILER).billing());
        assertEquals(RevenueModelKind.COMMISSION, h.cell(Experience.RESPOND_TO_DESIRE, Architecture.MARKET_MAKER).billing());
        assertEquals(RevenueModelKind.THIRD_PARTY_PAYS, h.cell(Experience.RESPOND_TO_DESIRE, Architecture.CROWD_ORCHESTRATOR).billing());
        assertEquals(RevenueModelKind.SUBSCRIPTION, h.cell(Experience.AUTOMATIC_EXECUTION, Architecture.PEER_TO_PEER).billing());
        assertTrue(h.cells().stream().allMatch(c -> c.npv().n() == 10 && Double.isFinite(c.npv().standardError())));
        // The retailer/respond cell is the base strategy itself (flat price at the same price).
        SimulationResult base = ENGINE.run(sc.withStrategies(List.of(sc.strategies().get(0))).withRun(sc.run().withReplications(10)));
        assertEquals(base.strategies().get(0).npv().mean(), h.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER).npv().mean(),
                1e-9 * Math.abs(base.strategies().get(0).npv().mean()));
        assertFalse(h.cell(Experience.RESPOND_TO_DESIRE, Architecture.MARKET_MAKER).npv().mean()
                == h.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER).npv().mean());
    }

    @Test
    void everyCellStatesItsBillingAndTheOwnCellEqualsTheMainRun() {
        // health-coach: coach-subscription's main-table NPV was positive while every heatmap cell, billed by the
        // architecture defaults, was negative; its own cell now runs the strategy itself.
        Scenario sc = new org.cstrat.sim.scenario.ScenarioReader().read(java.nio.file.Path.of("scenarios/health-coach.json")).resolve();
        sc = sc.withRun(sc.run().withReplications(40));
        SimulationResult main = ENGINE.run(sc);
        HeatmapResult h = new Heatmap(ENGINE, HeatmapMapping.defaults()).run(sc, "coach-subscription", 40, ProgressListener.NONE,
                CancellationToken.none());
        HeatmapCell own = h.ownCell();
        assertEquals(Experience.COACH_BEHAVIOR, own.experience());
        assertEquals(Architecture.PEER_TO_PEER, own.architecture(), "a subscription sits in the column that bills by subscription");
        assertEquals(Architecture.PEER_TO_PEER, h.ownArchitecture());
        assertEquals(1, h.cells().stream().filter(HeatmapCell::ownStrategy).count());
        assertEquals(main.strategy("coach-subscription").npv(), own.npv(), "same seed, same replications: bit for bit");
        assertEquals(sc.strategies().get(0).billing(), own.billingModel());
        assertTrue(own.billingTerms().startsWith("subscription "), own.billingTerms());
        // every cell names its billing and a finite price; the other peer cells use the mapped, cheaper subscription
        for (HeatmapCell c : h.cells()) {
            assertEquals(c.billingModel().kind(), c.billing());
            assertTrue(Double.isFinite(c.pricePerEpisode()) && c.pricePerEpisode() >= 0, c.toString());
            assertFalse(c.billingTerms().isBlank());
        }
        HeatmapCell peer = h.cell(Experience.CURATED_OFFERING, Architecture.PEER_TO_PEER);
        assertTrue(peer.pricePerEpisode() < own.pricePerEpisode(), "the mapped peer subscription is 0.1 P r per period");
        assertTrue(h.explanation().contains("coach-subscription") && h.explanation().contains(String.format(java.util.Locale.ROOT, "%.2f", h.referencePrice())),
                h.explanation());
        // with the main run at other replications, the own cell shows the main run's distribution
        HeatmapResult fewer = new Heatmap(ENGINE, HeatmapMapping.defaults()).run(sc, "coach-subscription", null, 10, main,
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(main.strategy("coach-subscription").npv(), fewer.ownCell().npv());
        assertEquals(10, fewer.cell(Experience.COACH_BEHAVIOR, Architecture.MARKET_MAKER).npv().n());
    }

    @Test
    void producerAndRetailerColumnsMergeOnlyWhenEverySegmentUsesTheSameUnits() {
        Scenario sc = Fixtures.smallScenario(10, 2);
        HeatmapResult h = new Heatmap(ENGINE, HeatmapMapping.defaults()).run(sc, "respond-flat", 10, ProgressListener.NONE,
                CancellationToken.none());
        assertTrue(h.mergedInto(Architecture.CONNECTED_PRODUCER, Architecture.CONNECTED_RETAILER));
        assertFalse(h.mergedInto(Architecture.MARKET_MAKER, Architecture.CONNECTED_RETAILER));
        assertEquals(1, h.merged().size(), h.merged().toString());
        assertTrue(h.merged().get(0).startsWith("Connected producer = Connected retailer"), h.merged().get(0));
        String table = org.cstrat.sim.report.SummaryTable.render(h);
        assertTrue(table.contains("connected_producer = connected_retailer"), table);
        assertTrue(table.contains("respond_to_desire x connected_retailer: flat price 9.00 per episode"), table);
        // different usage per episode: pay per use charges heavy users more, the columns differ and stay apart
        var p = sc.parameters();
        var segs = new java.util.ArrayList<>(p.segments());
        segs.set(0, org.cstrat.sim.model.ParameterPaths.with(segs.get(0), "usagePerEpisode", 3.0));
        Scenario uneven = sc.withParameters(p.withSegments(segs));
        HeatmapResult u = new Heatmap(ENGINE, HeatmapMapping.defaults()).run(uneven, "respond-flat", 10, ProgressListener.NONE,
                CancellationToken.none());
        assertTrue(u.merged().isEmpty(), u.merged().toString());
        assertTrue(u.cells().stream().allMatch(c -> c.sameAs() == null));
    }

    @Test
    void aSubscriptionWithAUsagePriceEarnsTheFeePerActivePeriodPlusThePricePerServedUnit() {
        // engine 1.3.0's two-part tariff (dues + paid sessions); without the usage price it is the plain subscription
        org.cstrat.sim.model.BillingModel.Subscription twoPart = new org.cstrat.sim.model.BillingModel.Subscription(30, 4);
        Scenario sc = Scenario.of("tariff", Fixtures.small(), List.of(
                Strategy.of("dues", Experience.CURATED_OFFERING, org.cstrat.framework.PersonalisationLevel.UNIFIED,
                        new org.cstrat.sim.model.BillingModel.Subscription(30)),
                Strategy.of("dues+sessions", Experience.CURATED_OFFERING, org.cstrat.framework.PersonalisationLevel.UNIFIED, twoPart)))
                .withRun(new RunSettings(30, 5, 10, 0));
        SimulationResult r = ENGINE.run(sc);
        var s = r.strategy("dues+sessions");
        double activePeriods = s.activeCustomers().points().stream().mapToDouble(p -> p.mean()).sum();
        // usagePerEpisode is 1 in every segment of the fixture
        assertEquals(30 * activePeriods + 4 * s.servedEpisodes().mean(), s.revenue().mean(), 1e-9 * s.revenue().mean());
        assertTrue(s.servedEpisodes().mean() < r.strategy("dues").servedEpisodes().mean(), "a price at the margin declines some episodes");
        assertEquals(new org.cstrat.sim.model.BillingModel.Subscription(30, 0), new org.cstrat.sim.model.BillingModel.Subscription(30));
    }
}
