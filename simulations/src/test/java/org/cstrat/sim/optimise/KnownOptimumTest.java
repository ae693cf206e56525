package org.cstrat.sim.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The optimiser against optima known in closed form. One segment of N customers, one episode per period, no consent
 * (so never recognised: fit = fitBase and w_eff = WTP exactly, with no WTP spread), every need brought to the firm, no
 * costs, no discounting, no trust dynamics, and fitBase 1 without price regret, so every served episode is good. A customer then accepts a flat price π with probability
 * σ(a + β (1 − π / W)) (README, step 4), independently in every period, so
 * E[NPV](π) = N · Σ_t S_t(π) · π · σ(a + β (1 − π / W)), with S_t the expected share still active in period t.
 * Without churn S_t = 1 and the revenue-maximising price solves d/dπ [π σ(z)] = 0, i.e. (β π / W)(1 − σ(z)) = 1.
 * With a churn of c per declined episode, S_t = (1 − c (1 − σ))^t, and the customers at the horizon are
 * N (1 − c (1 − σ))^T: a floor on them is a ceiling on π, which binds when it lies below the unconstrained optimum.
 */
class KnownOptimumTest {
    static final int N = 2000;
    static final int T = 12;
    static final double A = 1.0;
    static final double BETA = 4.0;
    static final double W = 10.0;

    static String scenario(double churnDeclined, String constraints) {
        return """
                {"name": "known optimum", "parameters": {"periods": %d, "discountRate": 0,
                  "behaviour": {"acceptanceIntercept": %s, "fitBase": 1, "priceRegret": 0, "trustGain": 0, "trustLoss": 0, "churnBadEpisodes": %s, "churnUnrecognised": 0},
                  "costs": {"perEpisode": 0, "connectedPerCustomerPeriod": 0, "levelPerCustomerPeriod": {"level1": 0, "level2": 0, "level3": 0, "level4": 0}},
                  "segments": [{"name": "only", "initialCustomers": %d, "episodeRate": 1, "willingnessToPay": %s, "wtpSpread": 0,
                    "priceSensitivity": %s, "dataSharing": 0, "selfInitiation": 1, "baseChurn": 0}]},
                 "strategies": [{"name": "flat", "experience": "respond_to_desire", "personalisationLevel": 1,
                   "billing": {"model": "flat_price", "price": 5}}],
                 "run": {"seed": 7},
                 "optimisation": {"decisions": [{"parameter": "strategy.billing.price", "low": 2, "high": 20}],
                   "constraints": %s, "budget": 40, "replications": 100, "finalists": 4, "finalReplications": 800}}
                """.formatted(T, A, churnDeclined, N, W, BETA, constraints);
    }

    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double acceptance(double price) {
        return sigma(A + BETA * (1 - price / W));
    }

    /** Expected NPV at a price with a churn of c per declined episode. */
    static double expectedNpv(double price, double c) {
        double s = acceptance(price);
        double survive = 1 - c * (1 - s);
        double periods = 0;
        for (int t = 0; t < T; t++) {
            periods += Math.pow(survive, t);
        }
        return N * periods * price * s;
    }

    /** The root of f on [lo, hi] by bisection (f changes sign there). */
    static double root(DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        assertTrue(flo * f.applyAsDouble(hi) < 0, "no sign change");
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double fm = f.applyAsDouble(mid);
            if ((fm < 0) == (flo < 0)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    static OptimisationResult optimise(String json) {
        ScenarioDocument doc = new ScenarioReader().parse(json, "known.json");
        Scenario scenario = doc.resolve();
        return new Optimiser(new SimulationEngine(2)).run(scenario, doc.optimisation(scenario), ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void findsTheRevenueMaximisingPriceOfLogisticAcceptance() {
        // First-order condition of π σ(a + β (1 − π / W)): (β π / W)(1 − σ) = 1.
        double best = root(p -> BETA * p / W * (1 - acceptance(p)) - 1, 2, 20);
        OptimisationResult r = optimise(scenario(0, "[]"));

        assertEquals(OptimisationResult.Status.OPTIMAL, r.status());
        OptimisationResult.Range range = r.nearOptimal().get(0);
        assertTrue(range.low() <= best && best <= range.high(),
                "the known optimum " + best + " lies in the near-optimal range [" + range.low() + ", " + range.high() + "]");
        double maxNpv = expectedNpv(best, 0);
        assertTrue(r.best().low() <= maxNpv && maxNpv <= r.best().high(),
                "the known maximum " + maxNpv + " lies in the objective's interval [" + r.best().low() + ", " + r.best().high() + "]");
        double chosen = r.best().coordinates().get(0);
        // The chosen price is worth the maximum to within the interval's half-width.
        assertTrue(maxNpv - expectedNpv(chosen, 0) <= r.best().high() - r.best().low(),
                "chosen price " + chosen + " is near-optimal");
        assertTrue(r.probabilityBestBeatsCurrent() > 0.99, "far better than the price of 5: " + r.probabilityBestBeatsCurrent());
        assertTrue(r.search().size() <= 40 && r.search().size() > 10, "the budget bounds the search: " + r.search().size());
    }

    @Test
    void aBindingFloorOnCustomersMovesTheOptimumDownToTheBoundary() {
        double c = 0.2;
        double free = root(p -> {
            double h = 1e-5;
            return (expectedNpv(p + h, c) - expectedNpv(p - h, c)) / (2 * h);
        }, 2, 20);
        OptimisationResult unconstrained = optimise(scenario(c, "[]"));
        OptimisationResult.Range range = unconstrained.nearOptimal().get(0);
        assertTrue(range.low() <= free && free <= range.high(),
                "unconstrained optimum " + free + " in [" + range.low() + ", " + range.high() + "]");

        // A floor on customers at the horizon that the free optimum misses: its price ceiling solves N (1 - c (1 - σ))^T = floor.
        double ceiling = free * 0.8;
        double floor = Math.round(N * Math.pow(1 - c * (1 - acceptance(ceiling)), T));
        double boundary = root(p -> N * Math.pow(1 - c * (1 - acceptance(p)), T) - floor, 2, 20);
        OptimisationResult constrained = optimise(scenario(c, "[{\"type\": \"customers_at_horizon\", \"min\": " + floor + "}]"));

        assertEquals(OptimisationResult.Status.OPTIMAL, constrained.status());
        double chosen = constrained.best().coordinates().get(0);
        assertTrue(chosen < free, "the floor lowers the price: " + chosen + " against " + free);
        assertTrue(Math.abs(chosen - boundary) < 0.03 * boundary, "the constrained optimum is at the boundary " + boundary + ", was " + chosen);
        assertTrue(constrained.best().constraints().get(0).held(), "the floor holds on the re-evaluation");
        assertTrue(constrained.best().constraints().get(0).value() >= floor);
    }
}

