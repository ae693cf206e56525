package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.framework.StarStage;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.WorkEstimate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job queue without a database: failures of any kind, the per-owner limit, turns between owners, the size refusal. */
class SimulationServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final FirmCalibration ACME = id -> id.equals("acme") ? Optional.of(new CalibrationData("acme",
            Map.of(StarStage.SENSE, 1), List.of(new CalibrationData.SegmentData("members", 40, 960, 720, 100, 12.0, 16.0, 4.2))))
            : Optional.empty();

    /** Stores runs in memory; can throw once, or hold a named run's save until released. */
    static final class Runs implements SimulationRunRepository {
        final List<String> saved = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Throwable> failNext = new AtomicReference<>();
        final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

        @Override
        public Optional<String> firmName(String firmId) {
            return firmId.equals("acme") ? Optional.of("Acme") : Optional.empty();
        }

        @Override
        public void save(StoredRun run) {
            Throwable failure = failNext.getAndSet(null);
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            CountDownLatch gate = gates.get(run.name());
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            saved.add(run.name());
        }

        @Override
        public List<StoredRun> list(String firmId, int limit) {
            return List.of();
        }

        @Override
        public Optional<StoredRun> find(String runId) {
            return Optional.empty();
        }

        final List<StoredOptimisation> optimisations = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void saveOptimisation(StoredOptimisation run) {
            optimisations.add(run);
        }

        @Override
        public List<StoredOptimisation> listOptimisations(String firmId, int limit) {
            return List.copyOf(optimisations);
        }

        @Override
        public Optional<StoredOptimisation> findOptimisation(String runId) {
            return optimisations.stream().filter(o -> o.id().equals(runId)).findFirst();
        }
    }

    private final Runs runs = new Runs();
    private SimulationService service;

    private SimulationService service(SimulationService.Limits limits) {
        service = new SimulationService(ACME, runs, new SimulationEngine(1), Clock.systemUTC(), limits);
        return service;
    }

    private static SimulationService.Limits limits(int jobsPerOwner) {
        return new SimulationService.Limits(1e9, 1L << 30, jobsPerOwner, WorkEstimate.RATE_PER_CORE_DEFAULT);
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    static SimulationRequest request(String name, int replications) throws Exception {
        return SimulationRequest.of(JSON.readTree("""
                {"name": "%s",
                 "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 12}}],
                 "parameters": {"periods": 6},
                 "run": {"replications": %d, "seed": 3}}
                """.formatted(name, replications)));
    }

    private SimulationService.JobStatus finished(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        SimulationService.JobStatus status = service.job(jobId).orElseThrow();
        while (status.state().matches("queued|running") && System.nanoTime() < deadline) {
            Thread.sleep(10);
            status = service.job(jobId).orElseThrow();
        }
        return status;
    }

    private void awaitRunning(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!service.job(jobId).orElseThrow().state().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aJobThatThrowsAnErrorIsFailedWithItsReasonAndTheNextJobRuns() throws Exception {
        SimulationService s = service(limits(3));
        runs.failNext.set(new StackOverflowError("injected"));
        var first = s.start("acme", request("first", 4), "alice");
        var second = s.start("acme", request("second", 4), "alice");
        var failed = finished(first.id());
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).contains("StackOverflowError", "injected");
        assertThat(failed.runId()).isNull();
        assertThat(finished(second.id()).state()).isEqualTo("done");

        runs.failNext.set(new OutOfMemoryError("Java heap space"));
        var third = s.start("acme", request("third", 4), "alice");
        var fourth = s.start("acme", request("fourth", 4), "alice");
        assertThat(finished(third.id()).error()).contains("out of memory", "Java heap space");
        assertThat(finished(fourth.id()).state()).isEqualTo("done");
        assertThat(runs.saved).containsExactly("second", "fourth");
    }

    @Test
    void eachOwnerHasAtMostThreeJobsQueuedOrRunningAndOwnersTakeTurns() throws Exception {
        SimulationService s = service(limits(3));
        CountDownLatch gate = new CountDownLatch(1);
        runs.gates.put("alice-1", gate);
        var alice1 = s.start("acme", request("alice-1", 2), "alice");
        awaitRunning(alice1.id());
        var alice2 = s.start("acme", request("alice-2", 2), "alice");
        var alice3 = s.start("acme", request("alice-3", 2), "alice");
        assertThat(alice3.owner()).isEqualTo("alice");
        assertThat(alice3.state()).isEqualTo("queued");
        assertThat(alice3.estimate()).contains("customer-periods", "about");

        assertThatThrownBy(() -> s.start("acme", request("alice-4", 2), "alice"))
                .isInstanceOfSatisfying(SimulationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SimulationRefusedException.Reason.TOO_MANY_JOBS))
                .hasMessageContaining("'alice' already has 3 simulation job(s)").hasMessageContaining("at once (3)");
        var bob1 = s.start("acme", request("bob-1", 2), "bob");
        var bob2 = s.start("acme", request("bob-2", 2), "bob");

        // A queued job cancelled no longer counts: alice may queue another.
        assertThat(s.cancel(alice3.id()).state()).isEqualTo("cancelled");
        var alice4 = s.start("acme", request("alice-4", 2), "alice");

        gate.countDown();
        for (var job : List.of(alice1, alice2, alice4, bob1, bob2)) {
            assertThat(finished(job.id()).state()).as(job.id()).isEqualTo("done");
        }
        assertThat(s.job(alice3.id()).orElseThrow().state()).isEqualTo("cancelled");
        // After alice-1, bob (never served) goes first, then the two owners alternate.
        assertThat(runs.saved).containsExactly("alice-1", "bob-1", "alice-2", "bob-2", "alice-4");
        // All finished: both may queue again.
        assertThat(finished(s.start("acme", request("alice-5", 2), "alice").id()).state()).isEqualTo("done");
    }

    @Test
    void aJobAboveTheWorkBudgetOrTheHeapIsRefusedNamingTheFieldAndNothingIsQueued() throws Exception {
        // 40 members × 6 periods, weighted by 2 episodes a period (960 requests from 40 members in 12 months): 480
        // customer-periods per replication; 1,000 replications = 480,000 > 100,000.
        SimulationService s = service(new SimulationService.Limits(100_000, 1L << 30, 3, WorkEstimate.RATE_PER_CORE_DEFAULT));
        assertThatThrownBy(() -> s.start("acme", request("big", 1000), "alice"))
                .isInstanceOfSatisfying(SimulationRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SimulationRefusedException.Reason.TOO_LARGE);
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("$.run.replications");
                        assertThat(err.value()).isEqualTo("1000");
                    });
                })
                .hasMessageContaining("480,000 customer-periods").hasMessageContaining("budget of 100,000")
                .hasMessageContaining("would take about");
        assertThat(finished(s.start("acme", request("small", 200), "alice").id()).state()).isEqualTo("done");
        assertThat(runs.saved).containsExactly("small");
        service.close();

        SimulationService tight = service(new SimulationService.Limits(1e12, 10_000, 3, WorkEstimate.RATE_PER_CORE_DEFAULT));
        assertThatThrownBy(() -> tight.start("acme", request("wide", 1000), "alice"))
                .isInstanceOf(SimulationRefusedException.class).hasMessageContaining("of heap");
    }
}
