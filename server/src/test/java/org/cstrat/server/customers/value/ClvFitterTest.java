package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClvFitterTest {

    private ClvFit cdnow;

    @BeforeAll
    void fitCdnow() {
        cdnow = new ClvFitter().fitSummaries(Cdnow.summaries());
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-3 * expected, what);
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Fader, Hardie &amp; Lee (2005), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4;
     * Fader &amp; Hardie (2013), note 025: p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers.
     */
    @Test
    void reproducesThePublishedCdnowEstimatesToThePrintedDigits() {
        assertTrue(cdnow.converged(), cdnow::toText);
        BgNbdFit bg = cdnow.bgnbd();
        assertEquals(2357, bg.customers());
        assertEquals(0.243, round(bg.r().estimate(), 3));
        assertEquals(4.414, round(bg.alpha().estimate(), 3));
        assertEquals(0.793, round(bg.a().estimate(), 3));
        assertEquals(2.426, round(bg.b().estimate(), 3));
        assertEquals(-9582.4, round(bg.logLikelihood(), 1));

        GammaGammaFit gg = cdnow.gammagamma();
        assertEquals(946, gg.customers());
        assertEquals(0, gg.excludedZeroSpend());
        assertEquals(6.25, round(gg.p().estimate(), 2));
        assertEquals(3.74, round(gg.q().estimate(), 2));
        assertEquals(15.44, round(gg.v().estimate(), 2));
        assertEquals(4, bg.convergence().startsAgreeing(), bg.convergence().message());
    }

    /**
     * The published Gamma-Gamma digits need the exact mean spend; the cents-rounded zbar column of the summary file
     * moves v to 15.448 (printed 15.45). This is why the fit starts from transactions, not from rounded summaries.
     */
    @Test
    void roundedSummarySpendMovesGammaToTheNextPrintedDigit() {
        String text = new String(Cdnow.resource("cdnow_customers_summary_with_transactions.csv"),
                StandardCharsets.UTF_8);
        List<CustomerHistory> rounded = text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
                .map(f -> new CustomerHistory(Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])))
                .toList();
        GammaGammaFit gg = new GammaGammaFitter().attemptFit(rounded);
        assertTrue(gg.convergence().converged(), gg.convergence().message());
        assertEquals(15.45, round(gg.v().estimate(), 2));
        assertEquals(6.25, round(gg.p().estimate(), 2));
        assertEquals(3.74, round(gg.q().estimate(), 2));
        // BG/NBD on the rounded times still prints the published digits.
        BgNbdFit bg = new BgNbdFitter().attemptFit(rounded);
        assertEquals(0.243, round(bg.r().estimate(), 3));
        assertEquals(4.414, round(bg.alpha().estimate(), 3));
        assertEquals(0.793, round(bg.a().estimate(), 3));
        assertEquals(2.426, round(bg.b().estimate(), 3));
        assertEquals(-9582.4, round(bg.logLikelihood(), 1));
    }

    /**
     * Standard errors from the inverse observed information, checked to 0.1% against an independent computation
     * (Python/scipy: BFGS optimum, Hessian of the negative log-likelihood in log-parameters by 4-point central
     * differences with step 1e-4, inverted with numpy and mapped to natural parameters by the delta method).
     */
    @Test
    void standardErrorsMatchAnIndependentComputation() {
        BgNbdFit bg = cdnow.bgnbd();
        assertRelative(0.0125574, bg.r().se(), "se(r)");
        assertRelative(0.378224, bg.alpha().se(), "se(alpha)");
        assertRelative(0.185733, bg.a().se(), "se(a)");
        assertRelative(0.705412, bg.b().se(), "se(b)");
        GammaGammaFit gg = cdnow.gammagamma();
        assertRelative(1.19005, gg.p().se(), "se(p)");
        assertRelative(0.290132, gg.q().se(), "se(q)");
        assertRelative(4.15940, gg.v().se(), "se(v)");
        CovarianceMatrix cov = bg.covariance().orElseThrow();
        assertEquals(List.of("r", "alpha", "a", "b"), cov.names());
        assertEquals(bg.a().se() * bg.a().se(), cov.get(2, 2), 1e-12);
        assertEquals(cov.get(1, 3), cov.get(3, 1));
    }

    @Test
    void writesTheFitAsJson() {
        String json = ClvJson.write(cdnow, Cdnow.CALIBRATION_END);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        assertEquals(List.of("bgnbd", "gammagamma", "customers", "calibrationEnd", "converged"),
                List.copyOf(root.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> bg = (Map<String, Object>) root.get("bgnbd");
        assertEquals(List.of("r", "alpha", "a", "b", "loglik", "customers", "converged", "message", "covariance"),
                List.copyOf(bg.keySet()));
        assertEquals(Map.of("estimate", cdnow.bgnbd().r().estimate(), "se", cdnow.bgnbd().r().se()), bg.get("r"));
        assertEquals(cdnow.bgnbd().logLikelihood(), bg.get("loglik"));
        @SuppressWarnings("unchecked")
        Map<String, Object> gg = (Map<String, Object>) root.get("gammagamma");
        assertEquals(List.of("p", "q", "v", "loglik", "customers", "excludedZeroSpend", "spendFrequencyCorrelation",
                "converged", "message", "covariance"), List.copyOf(gg.keySet()));
        assertEquals(cdnow.gammagamma().v().estimate(), ((Map<?, ?>) gg.get("v")).get("estimate"));
        assertEquals("1997-09-30", root.get("calibrationEnd"));
        assertEquals(Boolean.TRUE, root.get("converged"));
        assertEquals(2357.0, root.get("customers"));
        assertFalse(ClvJson.write(cdnow).contains("calibrationEnd"));
    }

    @Test
    void jsonEscapesStringsAndWritesUnavailableNumbersAsNull() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", ClvJson.string("a\"b\\c\nd\u0001"));
        assertEquals("null", ClvJson.number(Double.NaN));
        assertEquals("null", ClvJson.number(Double.POSITIVE_INFINITY));
        Convergence failed = new Convergence(false, "not converged: \"Hessian\" not PD", 10, 1, 0, false, Double.NaN);
        BgNbdFit bg = new BgNbdFit(new Estimate(1, Double.NaN), new Estimate(2, Double.NaN), new Estimate(3, 0.1),
                new Estimate(4, Double.NaN), -10, 5, Optional.empty(), failed);
        GammaGammaFit gg = new GammaGammaFit(new Estimate(1, Double.NaN), new Estimate(2, Double.NaN),
                new Estimate(3, Double.NaN), Double.NaN, 0, 0, Double.NaN, Optional.empty(), failed);
        Map<?, ?> root = (Map<?, ?>) MiniJson.parse(ClvJson.write(new ClvFit(bg, gg, 5)));
        Map<?, ?> r = (Map<?, ?>) ((Map<?, ?>) root.get("bgnbd")).get("r");
        assertNull(r.get("se"));
        assertNull(((Map<?, ?>) root.get("bgnbd")).get("covariance"));
        assertEquals("not converged: \"Hessian\" not PD", ((Map<?, ?>) root.get("gammagamma")).get("message"));
        assertEquals(Boolean.FALSE, root.get("converged"));
    }

    /** Data simulated from known BG/NBD and Gamma-Gamma parameters (fixed seed); estimates within 3 SE. */
    @Test
    void recoversKnownParametersFromSimulatedData() {
        BgNbdParameters bgTrue = new BgNbdParameters(0.6, 8.0, 0.7, 3.0);
        GammaGammaParameters ggTrue = new GammaGammaParameters(4.0, 3.0, 20.0);
        List<CustomerHistory> data = simulate(bgTrue, ggTrue, 6000, new Well19937c(20240917L));
        ClvFit fit = new ClvFitter().fit(data);
        assertWithin(bgTrue.r(), fit.bgnbd().r(), "r");
        assertWithin(bgTrue.alpha(), fit.bgnbd().alpha(), "alpha");
        assertWithin(bgTrue.a(), fit.bgnbd().a(), "a");
        assertWithin(bgTrue.b(), fit.bgnbd().b(), "b");
        assertWithin(ggTrue.p(), fit.gammagamma().p(), "p");
        assertWithin(ggTrue.q(), fit.gammagamma().q(), "q");
        assertWithin(ggTrue.v(), fit.gammagamma().v(), "v");
        // The likelihood at the truth is below the maximum.
        assertTrue(bgTrue.logLikelihood(data) < fit.bgnbd().logLikelihood());
    }

    private static void assertWithin(double truth, Estimate e, String name) {
        assertTrue(e.hasStandardError(), name + " has no SE");
        assertTrue(Math.abs(e.estimate() - truth) <= 3 * e.se(),
                name + ": estimate " + e.estimate() + " is more than 3 SE (" + e.se() + ") from " + truth);
    }

    /**
     * The BG/NBD story (FHL 2005 section 3): lambda ~ Gamma(r, alpha), p ~ Beta(a, b); exponential gaps between
     * purchases; after each repeat purchase the customer drops out with probability p. Spend per purchase
     * Gamma(p, nu) with nu ~ Gamma(q, v). T uniform on [13, 52] weeks.
     */
    static List<CustomerHistory> simulate(BgNbdParameters bg, GammaGammaParameters gg, int n, RandomGenerator rng) {
        GammaDistribution lambdas = new GammaDistribution(rng, bg.r(), 1 / bg.alpha());
        BetaDistribution dropouts = new BetaDistribution(rng, bg.a(), bg.b());
        GammaDistribution nus = new GammaDistribution(rng, gg.q(), 1 / gg.v());
        List<CustomerHistory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double bigT = 13 + 39 * rng.nextDouble();
            double lambda = lambdas.sample();
            double p = dropouts.sample();
            double nu = nus.sample();
            GammaDistribution spend = new GammaDistribution(rng, gg.p(), 1 / nu);
            double t = 0;
            double tx = 0;
            int x = 0;
            double total = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / lambda;
                if (t > bigT) {
                    break;
                }
                x++;
                tx = t;
                total += spend.sample();
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            out.add(new CustomerHistory(x, tx, bigT, x == 0 ? 0 : total / x));
        }
        return out;
    }

    @Test
    void reportsAFitThatRunsOutOfEvaluationsAsNotConverged() {
        List<CustomerHistory> data = CustomerSummary.histories(Cdnow.summaries());
        ClvFitter starved = new ClvFitter(new FitOptions(12, 1e-6));
        ClvFit attempt = starved.attemptFit(data);
        assertFalse(attempt.converged());
        assertFalse(attempt.bgnbd().convergence().converged());
        assertTrue(attempt.bgnbd().convergence().message().contains("no convergence within 12 evaluations"),
                attempt.bgnbd().convergence().message());
        FitNotConvergedException e = assertThrows(FitNotConvergedException.class, () -> starved.fit(data));
        assertTrue(e.getMessage().startsWith("customer-value fit did not converge; BG/NBD: not converged:"),
                e.getMessage());
        assertFalse(e.attempt().converged());
    }

    @Test
    void reportsUnidentifiedModelsAsNotConverged() {
        // Nobody ever repeats: the purchase rate is driven to its bound and the Gamma-Gamma has no data.
        List<CustomerHistory> noRepeats = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            noRepeats.add(new CustomerHistory(0, 0, 10 + i % 30, 0));
        }
        ClvFit attempt = new ClvFitter().attemptFit(noRepeats);
        assertFalse(attempt.bgnbd().convergence().converged(), attempt.bgnbd().convergence().message());
        assertFalse(attempt.gammagamma().convergence().converged());
        assertTrue(attempt.gammagamma().convergence().message().contains("no repeat buyers with positive spend"));
        assertThrows(FitNotConvergedException.class, () -> new ClvFitter().fit(noRepeats));
        assertThrows(IllegalArgumentException.class, () -> new ClvFitter().fit(List.of()));
    }
}
