package org.cstrat.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.simple.RandomSource;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.Fixtures;
import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void logisticIsTheClosedFormAndNeverNaN() {
        assertEquals(0.5, Logistic.of(0.0), 0.0);
        assertEquals(1.0 / (1.0 + Math.exp(-2.5)), Logistic.of(2.5), 0.0);
        assertEquals(Logistic.of(1.7), 1.0 - Logistic.of(-1.7), 1e-16);
        assertEquals(1.0, Logistic.of(50.0), 0.0);           // "certain acceptance" is exactly 1
        assertEquals(1.0, Logistic.of(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, Logistic.of(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Logistic.of(Double.NaN), 0.0);
    }

    @Test
    void weighDecidesAsTheClosedFormAndNeverGivesNaN() {
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(13L, 17L);
        for (int i = 0; i < 1_000_000; i++) {
            double z = -40 + 80 * g.nextDouble();
            double p = Logistic.of(z);
            assertTrue(p == 0.0 || Logistic.weigh(p * (1 - 1e-12), z) < 1.0, "z=" + z);
            assertTrue(p * (1 + 1e-12) >= 1.0 || !(Logistic.weigh(p * (1 + 1e-12), z) < 1.0), "z=" + z);
        }
        assertEquals(Double.POSITIVE_INFINITY, Logistic.weigh(0.0, Double.NaN), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Logistic.weigh(0.5, Double.NaN), 0.0);
        assertEquals(0.0, Logistic.weigh(0.0, -1000), 0.0);      // 0 < sigma(-1000): accepted
        assertEquals(Double.POSITIVE_INFINITY, Logistic.weigh(0.25, -1000), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Logistic.weigh(1.0, Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Logistic.weigh(0x1.0p53 - 1, 50) < 0x1.0p53); // certain acceptance at the largest integer
    }

    @Test
    void inlineExpIsWithinTwoUlpOfMathExp() {
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(3L, 5L);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = i % 2 == 0 ? -750 + 1500 * g.nextDouble() : -2 + 4 * g.nextDouble();
            double expected = Math.exp(x);
            double actual = Exp.exp(x);
            double ulps = actual == expected ? 0 : Math.abs(actual - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 2, "x=" + x + ": " + actual + " against " + expected);
        }
        assertTrue(worst > 0, "a table-and-polynomial exp that never differs from Math.exp would be suspicious");
        assertEquals(1.0, Exp.exp(0.0), 0.0);
        assertEquals(Math.E, Exp.exp(1.0), Math.ulp(Math.E));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(1000), 0.0);
        assertEquals(0.0, Exp.exp(-1000), 0.0);
        assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
    }

    @Test
    void factorisedLogisticAgreesWithTheClosedFormToRounding() {
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(7L, 11L);
        for (int i = 0; i < 1_000_000; i++) {
            double a = -60 + 120 * g.nextDouble();
            double b = 80 * g.nextDouble();
            assertTrue(Logistic.factorsSafe(a, b));
            double p = Logistic.of(a - b);
            // u just below and just above sigma(a - b) (relative 1e-12) is decided as the closed form decides it
            double below = p * (1 - 1e-12);
            double above = p * (1 + 1e-12);
            assertTrue(p == 0.0 || Logistic.weighFactors(below, Math.exp(-a), Math.exp(b)) < 1.0, "a=" + a + ", b=" + b);
            assertTrue(above >= 1.0 || !(Logistic.weighFactors(above, Math.exp(-a), Math.exp(b)) < 1.0), "a=" + a + ", b=" + b);
            // and in the 53-bit integer scale of the hot loop
            double u53 = Math.floor(below * 0x1.0p53);
            if (u53 != Math.floor(p * 0x1.0p53)) {
                assertTrue(Logistic.weighFactors(u53, Math.exp(-a), Math.exp(b)) < 0x1.0p53, "a=" + a + ", b=" + b);
            }
        }
        // certain acceptance stays certain, certain refusal stays certain
        assertTrue(Logistic.weighFactors(0x1.0p53 - 1, Math.exp(-50), Math.exp(0)) < 0x1.0p53);
        assertTrue(!(Logistic.weighFactors(1, Math.exp(300), Math.exp(300)) < 0x1.0p53));
        assertTrue(!Logistic.factorsSafe(301, 0) && !Logistic.factorsSafe(0, Double.POSITIVE_INFINITY) && !Logistic.factorsSafe(Double.NaN, 0));
    }

    @Test
    void factorisedAndDirectAcceptanceGiveTheSameRuns() {
        // Every experience, billing model and episode rate of the fingerprint scenario, with and without the
        // factorised logistic: the two differ only in rounding (about 1e-16 of a probability), so no decision
        // and therefore no output may differ.
        Scenario scenario = Fixtures.fingerprintScenario();
        int compared = 0;
        for (Strategy strategy : scenario.strategies()) {
            CompiledStrategy factorised = new CompiledStrategy(scenario.parameters(), strategy);
            CompiledStrategy direct = new CompiledStrategy(scenario.parameters(), strategy, false);
            double[] a = new double[factorised.layout().stride()];
            double[] b = new double[direct.layout().stride()];
            for (long r = 0; r < 20; r++) {
                java.util.Arrays.fill(a, 0.0);
                java.util.Arrays.fill(b, 0.0);
                factorised.simulate(r, ~r, a, 0);
                direct.simulate(r, ~r, b, 0);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), strategy.name() + " replication " + r + " output " + i);
                }
                compared++;
            }
        }
        assertEquals(800, compared);
    }

    @Test
    void parameterPathsNameEveryNumericLeafAndChangeExactlyOne() {
        ModelParameters p = Fixtures.small();
        List<ParameterPaths.NumericParameter> all = ParameterPaths.numeric(p);
        assertTrue(all.stream().anyMatch(n -> n.path().equals("segments[b].willingnessToPay") && n.value() == 13.0));
        assertTrue(all.stream().anyMatch(n -> n.path().equals("behaviour.levelFitUplift.level3")));
        ParameterPaths.NumericParameter churn = ParameterPaths.find(p, "segments[a].baseChurn");
        assertEquals(0.0, churn.min());
        assertEquals(1.0, churn.max());
        ModelParameters q = ParameterPaths.with(p, "segments[a].baseChurn", 0.5);
        assertEquals(0.5, q.segments().get(0).baseChurn());
        assertEquals(p.segments().get(1), q.segments().get(1));
        assertEquals(p.behaviour(), q.behaviour());
        assertEquals(40, ParameterPaths.with(p, "periods", 40.4).periods());
        assertThrows(IllegalArgumentException.class, () -> ParameterPaths.with(p, "segments[zz].baseChurn", 0.5));
        assertThrows(IllegalArgumentException.class, () -> ParameterPaths.with(p, "behaviour.nothing", 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterPaths.with(p, "segments[a].baseChurn", 1.5));
        assertTrue(e.getMessage().contains("baseChurn") && e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void recordsRejectBadValuesNamingFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StarCoverage(1.2, 1, 1, 1));
        assertTrue(e.getMessage().contains("star.sense") && e.getMessage().contains("1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BillingModel.FlatPrice(-1));
        assertThrows(IllegalArgumentException.class, () -> new UncertainParameter("x", UncertainParameter.Shape.UNIFORM, 2, Double.NaN, 1));
    }

    @Test
    void fairnessGuardCapsThePriceRatio() {
        BillingModel.PersonalisedPricing p = new BillingModel.PersonalisedPricing(10, PricingIndicator.RISK, 2.0, 1.44, 12);
        Segment low = ParameterPaths.with(Segment.defaults("low"), "riskScore", 0.1);
        Segment high = ParameterPaths.with(Segment.defaults("high"), "riskScore", 5);
        double a = Pricing.guardedMultiplier(p, low, 1, 0);
        double b = Pricing.guardedMultiplier(p, high, 1, 0);
        assertEquals(1.0 / 1.2, a, 1e-12);
        assertEquals(1.2, b, 1e-12);
        assertEquals(1.44, b / a, 1e-12);
        assertEquals(1 + 2.0 * 4, Pricing.rawMultiplier(p, high, 1, 0), 1e-12);
    }

    @Test
    void customerStreamsAreCommonsXoRoShiRo128PlusPlus() {
        // The hot loop builds XoRoShiRo128PlusPlus directly; its output must match Commons RNG's.
        long s0 = CompiledStrategy.seed0(11, 3);
        long s1 = CompiledStrategy.seed1(12, 3, s0);
        XoRoShiRo128PlusPlus direct = new XoRoShiRo128PlusPlus(s0, s1);
        XoRoShiRo128PlusPlus published = CompiledStrategy.customerStream(11, 12, 3); // what the benchmark's reference draws
        var viaSource = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
        for (int i = 0; i < 100; i++) {
            long expected = viaSource.nextLong();
            assertEquals(expected, direct.nextLong());
            assertEquals(expected, published.nextLong());
        }
    }

    @Test
    void integerThresholdsMatchTheDoubleComparisonExactly() {
        // The hot loop compares raw generator outputs with precomputed integer thresholds; this must
        // decide exactly as nextDouble() < p does, including at and next to the boundaries.
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(5, 9);
        double[] ps = {0, Double.MIN_VALUE, 1e-300, 0x1.0p-53, 0x1.8p-53, 0.015, 0.3, 0.5, 0.504, 0.8,
            Math.nextDown(1.0), 1, 1.5, -0.2, -0.0};
        for (double p : ps) {
            long t = CompiledStrategy.threshold(p);
            long m = (long) Math.floor(Math.max(0, Math.min(1, p)) * 0x1.0p53);
            for (long k = Math.max(0, m - 2); k <= Math.min((1L << 53) - 1, m + 2); k++) {
                long v = k << 11;
                assertEquals((v >>> 11) * 0x1.0p-53 < p ? 1 : 0, CompiledStrategy.below(v, t), () -> "p=" + p);
            }
            for (int i = 0; i < 2000; i++) {
                long v = g.nextLong();
                assertEquals((v >>> 11) * 0x1.0p-53 < p ? 1 : 0, CompiledStrategy.below(v, t), () -> "p=" + p);
            }
        }
        for (int i = 0; i < 20000; i++) {
            double p = g.nextDouble();
            long v = g.nextLong();
            assertEquals((v >>> 11) * 0x1.0p-53 < p ? 1 : 0, CompiledStrategy.below(v, CompiledStrategy.threshold(p)));
        }
    }

    @Test
    void triangularQuantilesCoverTheRange() {
        UncertainParameter u = new UncertainParameter("p", UncertainParameter.Shape.TRIANGULAR, 1, 2, 5);
        assertEquals(1.0, u.quantile(0), 1e-12);
        assertEquals(2.0, u.quantile(0.25), 1e-12);
        assertEquals(5.0, u.quantile(1), 1e-12);
        assertEquals(3.5, new UncertainParameter("p", UncertainParameter.Shape.UNIFORM, 2, Double.NaN, 5).quantile(0.5), 1e-12);
    }
}
