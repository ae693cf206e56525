package org.cstrat.sim.engine;

import org.cstrat.input.FieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.junit.jupiter.api.Test;

/** The job estimate against sums worked out by hand. */
class WorkEstimateTest {

    private static final double RATE = 40e6;

    /** One segment of {@code customers} at t = 0 and {@code arrivals} per later period, over {@code periods}. */
    private static Scenario scenario(int periods, int customers, int arrivals, double episodeRate, int strategies, int replications) {
        ModelParameters d = ModelParameters.defaults();
        Segment s = ParameterPaths.with(Fixtures.segment("s", customers, arrivals), "episodeRate", episodeRate);
        ModelParameters p = new ModelParameters(periods, d.discountRate(), d.star(), d.behaviour(), d.costs(), List.of(s));
        var all = List.of(Fixtures.respondFlat(9), Fixtures.curated(9), Fixtures.automatic(9));
        return Scenario.of("x", p, all.subList(0, strategies)).withRun(new RunSettings(replications, 1, 100, 0));
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }

    @Test
    void workCountsEveryCustomerPeriodIncludingArrivalsAndAnalyses() {
        // 1000 × 12 at t = 0, plus 10 arrivals at t = 1..11 staying 11, 10, ..., 1 periods: 10 × 66 = 660.
        Scenario s = scenario(12, 1000, 10, 1.0, 2, 100);
        assertEquals(12_660.0, WorkEstimate.customerPeriods(s.parameters()));
        WorkEstimate main = WorkEstimate.of(s, 2);
        assertEquals(100 * 2 * 12_660.0, main.work());
        WorkEstimate all = main.withTornado(5, 50).withHeatmap(20, 50);
        assertEquals(2_532_000.0 + 5 * 50 * 12_660.0 + 20 * 50 * 12_660.0, all.work());
        assertEquals(List.of("simulation", "tornado", "heatmap"), all.phases().stream().map(WorkEstimate.Phase::name).toList());
        // 18,357,000 customer-periods at 40 M per second on each of 2 threads.
        assertEquals(18_357_000.0 / 80e6, all.seconds(RATE), 1e-12);
    }

    @Test
    void episodesAboveOnePerPeriodWeighTheWorkAndFewerDoNot() {
        assertEquals(2_500.0, WorkEstimate.customerPeriods(scenario(10, 100, 0, 2.5, 1, 1).parameters()));
        assertEquals(1_000.0, WorkEstimate.customerPeriods(scenario(10, 100, 0, 0.3, 1, 1).parameters()));
    }

    @Test
    void heapIsDominatedByTheRawOutputsHeldTwice() {
        // stride = 14 + 2 × 600 + 3 × 1 = 1217 doubles; 3 strategies × 20,000 replications, twice: 1.168 G bytes.
        Scenario s = scenario(600, 1000, 0, 1.0, 3, 20_000);
        double outputs = 2.0 * 3 * 20_000 * 1217 * 8;
        long peak = WorkEstimate.of(s, 2).peakBytes();
        assertTrue(peak >= outputs && peak <= outputs * 1.01, () -> peak + " vs " + outputs);
        // Customers cost no heap: ten thousand times more of them, the same peak.
        assertEquals(peak, WorkEstimate.of(scenario(600, 10_000_000, 0, 1.0, 3, 20_000), 2).peakBytes());
    }

    @Test
    void arraysThatCannotExistAreRefusedAtTheExactLimit() {
        // 2,147,483,639 / 1217 = 1,764,571.6: the largest replication count with 600 periods and one segment.
        assertTrue(WorkEstimate.of(scenario(600, 1, 0, 1.0, 1, 1_764_571), 1).arrayOverflow().isEmpty());
        Optional<FieldError> excess = WorkEstimate.of(scenario(600, 1, 0, 1.0, 1, 1_764_572), 1).arrayOverflow();
        assertTrue(excess.isPresent());
        assertEquals("$.run.replications", excess.get().field());
        assertContains(excess.get().message(), "1,764,572 replications", "1,217 outputs", "at most 1,764,571 replications");
        // The case: 10 M replications × 600 periods (a NegativeArraySizeException before).
        assertTrue(WorkEstimate.of(scenario(600, 1000, 0, 1.0, 1, 10_000_000), 2).arrayOverflow().isPresent());
    }

    @Test
    void aJobAboveTheWorkBudgetNamesTheLargestFactorAndSaysHowLongItWouldTake() {
        // 5,000 replications × 2 strategies × 36,000 customer-periods = 360 M; budget 100 M.
        Optional<FieldError> tooMany = WorkEstimate.of(scenario(36, 1000, 0, 1.0, 2, 5_000), 2).exceedsWork(100e6, RATE);
        assertEquals("$.run.replications", tooMany.orElseThrow().field());
        assertContains(tooMany.get().message(), "360 M customer-periods", "budget of 100 M", "about 5 s on 2 cores");
        assertTrue(WorkEstimate.of(scenario(36, 1000, 0, 1.0, 2, 5_000), 2).exceedsWork(360e6, RATE).isEmpty());

        Optional<FieldError> customers = WorkEstimate.of(scenario(600, 10_000_000, 0, 1.0, 1, 1), 2).exceedsWork(1e9, RATE);
        assertEquals("$.parameters.segments[0].initialCustomers", customers.orElseThrow().field());
        assertContains(customers.get().message(), "6.00 G customer-periods", "about 75 s");

        Optional<FieldError> periods = WorkEstimate.of(scenario(600, 1000, 0, 1.0, 1, 100), 1).exceedsWork(1e6, RATE);
        assertEquals("$.parameters.periods", periods.orElseThrow().field());

        Optional<FieldError> heatmap = WorkEstimate.of(scenario(36, 1000, 0, 1.0, 1, 10), 1).withHeatmap(20, 200)
                .exceedsWork(1e6, RATE);
        assertEquals("$.analyses.heatmap", heatmap.orElseThrow().field());
    }

    @Test
    void aJobAboveTheHeapNamesItsField() {
        Scenario s = scenario(600, 1000, 0, 1.0, 3, 20_000);
        assertTrue(WorkEstimate.of(s, 2).exceedsMemory(2L << 30, RATE).isEmpty());
        Optional<FieldError> excess = WorkEstimate.of(s, 2).exceedsMemory(512L << 20, RATE);
        assertEquals("$.run.replications", excess.orElseThrow().field()); // 20,000 / 1,000 typical > 600 / 36
        assertContains(excess.get().message(), "1.1 GiB of heap", "512 MiB");
    }

    @Test
    void theUsableHeapKeepsAQuarterAndAtLeast256MiB() {
        assertEquals(3L << 30, WorkEstimate.usableHeap(4L << 30));
        assertEquals(256L << 20, WorkEstimate.usableHeap(512L << 20));
        assertEquals(0L, WorkEstimate.usableHeap(100L << 20));
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("1 s", WorkEstimate.duration(0.2));
        assertEquals("75 s", WorkEstimate.duration(75));
        assertEquals("10 min", WorkEstimate.duration(600));
        assertEquals("5.0 h", WorkEstimate.duration(5 * 3600));
        assertEquals("10 days", WorkEstimate.duration(10 * 86400));
    }
}
