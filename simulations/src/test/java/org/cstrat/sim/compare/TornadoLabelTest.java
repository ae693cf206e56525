package org.cstrat.sim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.Scenario;
import org.junit.jupiter.api.Test;

/** A tornado bar names its parameter for people (label) and says what it means (from its @Param), beside the key. */
class TornadoLabelTest {

    @Test
    void labelsReadAsWordsAndSayWhereTheParameterSits() {
        assertEquals("Experience cost factor: respond to desire (costs)", ParameterPaths.label("parameters.costs.experienceCostFactor.respondToDesire"));
        assertEquals("Willingness to pay (segment commuters)", ParameterPaths.label("parameters.segments[commuters].willingnessToPay"));
        assertEquals("Per episode (costs)", ParameterPaths.label("parameters.costs.perEpisode"));
        assertEquals("Price (strategy, billing)", ParameterPaths.label("strategy.billing.price"));
        assertEquals("Level per customer period: level 2 (costs)", ParameterPaths.label("parameters.costs.levelPerCustomerPeriod.level2"));
    }

    @Test
    void everyBarCarriesItsLabelAndItsMeaning() {
        Scenario sc = Fixtures.smallScenario(10, 8);
        List<String> only = List.of("parameters.costs.perEpisode", "parameters.costs.experienceCostFactor.curatedOffering");
        TornadoResult t = new Tornado(new SimulationEngine(1)).run(sc, "curated", 0.2, 10, only, (d, n) -> { }, CancellationToken.none());
        assertEquals(2, t.bars().size());
        for (TornadoBar bar : t.bars()) {
            assertEquals(ParameterPaths.label(bar.parameter()), bar.label());
            assertTrue(!bar.label().contains(".") && Character.isUpperCase(bar.label().charAt(0)), bar.label());
        }
        TornadoBar factor = t.bars().stream().filter(b -> b.parameter().endsWith("curatedOffering")).findFirst().orElseThrow();
        // a value of a group takes the group's meaning, then its own
        assertTrue(factor.description().startsWith("multiplier of the per-episode cost by delivered experience"), factor.description());
        assertTrue(factor.description().endsWith("(value for curated offering)"), factor.description());
        TornadoBar cost = t.bars().stream().filter(b -> b.parameter().endsWith("perEpisode")).findFirst().orElseThrow();
        assertTrue(cost.description().startsWith("cost of fulfilling one served episode"), cost.description());
        // the JSON the server stores and the page reads carries both
        String json = org.cstrat.sim.report.JsonOutput.toJson(t);
        assertTrue(json.contains("\"label\" : \"Per episode (costs)\"") && json.contains("\"description\" : \"cost of fulfilling"), json);
    }
}
