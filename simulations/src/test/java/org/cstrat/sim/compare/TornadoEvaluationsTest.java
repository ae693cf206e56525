package org.cstrat.sim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.junit.jupiter.api.Test;

/** What the work estimate counts for a tornado and a heatmap is what they run. */
class TornadoEvaluationsTest {

    @Test
    void evaluationsAreTheBaseAndTwoPerSwungParameter() {
        Scenario s = Fixtures.smallScenario(2, 5);
        long[] total = new long[1];
        ProgressListener progress = (done, all) -> total[0] = all;
        TornadoResult r = new Tornado(new SimulationEngine(2)).run(s, "curated", 0.2, 2, List.of(), progress, CancellationToken.none());
        int evaluations = Tornado.evaluations(s, "curated", 0.2, List.of());
        assertEquals(1 + 2 * r.bars().size(), evaluations);
        assertEquals(2L * evaluations, total[0], "the tornado's own progress total: replications x evaluations");
        assertEquals(3, Tornado.evaluations(s, "curated", 0.2, List.of("parameters.discountRate")));
        assertEquals(20, Heatmap.CELLS);
    }
}
