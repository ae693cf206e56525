package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.WorkEstimate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Optimisations as jobs of the simulation queue, without a database: validation, the size refusal, a stored run. */
class OptimisationJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulationServiceTest.Runs runs = new SimulationServiceTest.Runs();
    private SimulationService service;

    private SimulationService service(double maxWork) {
        service = new SimulationService(SimulationServiceTest.ACME, runs, new SimulationEngine(1), Clock.systemUTC(),
                new SimulationService.Limits(maxWork, 1L << 30, 3, WorkEstimate.RATE_PER_CORE_DEFAULT));
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    static JsonNode request(String decisions) throws Exception {
        return JSON.readTree("""
                {"name": "acme prices",
                 "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 12}}],
                 "parameters": {"periods": 6},
                 "run": {"seed": 3},
                 "optimisation": {"decisions": %s, "budget": 8, "replications": 4, "finalists": 2, "finalReplications": 8}}
                """.formatted(decisions));
    }

    @Test
    void aFinishedOptimisationIsStoredWithItsBestCandidate() throws Exception {
        SimulationService s = service(1e12);
        var job = s.startOptimisation("acme", OptimisationRequest.of(request("[{\"parameter\": \"strategy.billing.price\", \"low\": 6, \"high\": 18}]")), "ann");
        assertThat(job.state()).isEqualTo("queued");
        assertThat(job.phase()).isEqualTo("optimisation");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        var status = job;
        while (!status.state().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = s.job(job.id()).orElseThrow();
        }
        assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo("done");
        StoredOptimisation stored = s.optimisation(status.runId());
        assertThat(stored.firmId()).isEqualTo("acme");
        assertThat(stored.status()).isEqualTo("OPTIMAL");
        assertThat(stored.decisions()).containsExactly("strategy.billing.price");
        assertThat(stored.objective()).isEqualTo("mean NPV");
        assertThat(stored.objectiveLow()).isLessThanOrEqualTo(stored.objectiveValue()).isLessThanOrEqualTo(stored.objectiveHigh());
        assertThat(stored.best().npvMean()).isEqualTo(stored.objectiveValue());
        JsonNode result = JSON.readTree(stored.resultJson());
        assertThat(result.path("best").path("values").get(0).asText()).isEqualTo(stored.bestValues().get(0));
        assertThat(result.path("search").size()).isBetween(2, 8);
        assertThat(s.optimisations("acme")).hasSize(1);
    }

    @Test
    void aBadOptimisationNamesItsFieldsAndQueuesNothing() throws Exception {
        SimulationService s = service(1e12);
        assertThatThrownBy(() -> s.startOptimisation("acme", OptimisationRequest.of(request("[{\"parameter\": \"strategy.billing.basePrice\", \"low\": 6, \"high\": 18}]")), "ann"))
                .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> err.field().equals("$.optimisation.decisions[0].parameter")));
        assertThatThrownBy(() -> s.startOptimisation("acme", OptimisationRequest.of(request("[{\"parameter\": \"strategy.billing.price\", \"low\": 9, \"high\": 9}]")), "ann"))
                .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> err.field().equals("$.optimisation.decisions[0]") && err.message().contains("empty bounds")));
        JsonNode none = request("[]");
        ((com.fasterxml.jackson.databind.node.ObjectNode) none).remove("optimisation");
        assertThatThrownBy(() -> s.startOptimisation("acme", OptimisationRequest.of(none), "ann"))
                .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> err.field().equals("$.optimisation")));
        assertThat(runs.optimisations).isEmpty();
    }

    @Test
    void anOptimisationAboveTheWorkBudgetIsRefusedNamingTheBudget() throws Exception {
        SimulationService s = service(1_000);
        assertThatThrownBy(() -> s.startOptimisation("acme", OptimisationRequest.of(request("[{\"parameter\": \"strategy.billing.price\", \"low\": 6, \"high\": 18}]")), "ann"))
                .isInstanceOfSatisfying(SimulationRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SimulationRefusedException.Reason.TOO_LARGE);
                    assertThat(e.errors()).anyMatch(err -> err.field().startsWith("$.optimisation."));
                });
    }
}
