package org.cstrat.sim.bench;

import java.util.Locale;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.Optimiser;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioReader;

/**
 * Evaluations per second of the optimiser, and what its per-evaluation overhead (compiling the candidate, a run's
 * worker pool, the summary, CMA-ES) costs against one plain engine run of the same replications: the scenario is the
 * closed-form test's (a flat price, 2,000 customers × 12 periods), searched with 60 evaluations of 100 replications.
 * Prints figures, never pass/fail. Argument: rounds (default 3; the best round is kept, other processes only slow a run).
 */
public final class OptimiserBenchmark {
    static final String SCENARIO = """
            {"name": "optimiser-bench", "parameters": {"periods": 12, "discountRate": 0,
              "behaviour": {"fitBase": 1, "priceRegret": 0, "trustGain": 0, "trustLoss": 0, "churnBadEpisodes": 0, "churnUnrecognised": 0},
              "costs": {"perEpisode": 0, "connectedPerCustomerPeriod": 0},
              "segments": [{"name": "only", "initialCustomers": 2000, "wtpSpread": 0, "dataSharing": 0, "selfInitiation": 1, "baseChurn": 0}]},
             "strategies": [{"name": "flat", "experience": "respond_to_desire", "personalisationLevel": 1,
                             "billing": {"model": "flat_price", "price": 5}}],
             "optimisation": {"decisions": [{"parameter": "strategy.billing.price", "low": 2, "high": 20}],
                              "budget": 60, "replications": 100, "finalists": 1, "finalReplications": 2}}
            """;

    private OptimiserBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ScenarioDocument doc = new ScenarioReader().parse(SCENARIO, "optimiser-bench");
        Scenario scenario = doc.resolve();
        OptimisationSpec spec = doc.optimisation(scenario);
        double perEvaluation = WorkEstimate.customerPeriods(scenario.parameters()) * spec.replications();
        System.out.printf(Locale.ROOT, "Optimiser: %d evaluations x %d replications of %,.0f customer-periods (%s)%n",
                spec.budget(), spec.replications(), perEvaluation / spec.replications(), Optimiser.METHOD);
        for (int threads = 1; threads <= 2; threads++) {
            SimulationEngine engine = new SimulationEngine(threads);
            Optimiser optimiser = new Optimiser(engine);
            Scenario plain = scenario.withRun(scenario.run().withReplications(spec.budget() * spec.replications()));
            optimiser.run(scenario, spec.withBudget(12), ProgressListener.NONE, CancellationToken.none()); // warm-up
            engine.run(plain.withRun(plain.run().withReplications(1000)));
            double bestEvals = 0;
            double bestPlain = 0;
            double load = 0;
            for (int r = 0; r < rounds; r++) {
                OptimisationResult o = optimiser.run(scenario, spec, ProgressListener.NONE, CancellationToken.none());
                bestEvals = Math.max(bestEvals, o.evaluationsPerSecond());
                long t0 = System.nanoTime();
                engine.run(plain);
                double seconds = (System.nanoTime() - t0) / 1e9;
                bestPlain = Math.max(bestPlain, spec.budget() * perEvaluation / seconds);
                load = Math.max(load, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            double optimiserRate = bestEvals * perEvaluation;
            System.out.printf(Locale.ROOT, "%d thread%s: %.1f evaluations/s = %.1f M customer-periods/s; one plain run of the same "
                            + "replications %.1f M/s; optimiser / plain %.1f %% (best of %d rounds, load average up to %.1f)%n",
                    threads, threads == 1 ? " " : "s", bestEvals, optimiserRate / 1e6, bestPlain / 1e6, 100 * optimiserRate / bestPlain,
                    rounds, load);
        }
    }
}
