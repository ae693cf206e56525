package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdParametersTest {

    /** Published CDNOW estimates, FHL (2005) section 5. */
    private static final BgNbdParameters PAPER = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    @Test
    void probabilityAliveIsOneWithoutRepeatPurchases() {
        for (double bigT : new double[] {0, 1, 38.86, 500}) {
            assertEquals(1.0, PAPER.probabilityAlive(new CustomerHistory(0, 0, bigT, 0)));
        }
    }

    @Test
    void probabilityAliveFollowsHardiesNote021() {
        CustomerHistory h = new CustomerHistory(2, 30.43, 38.86, 22.35);
        double odds = PAPER.a() / (PAPER.b() + 2 - 1)
                * Math.pow((PAPER.alpha() + 38.86) / (PAPER.alpha() + 30.43), PAPER.r() + 2);
        assertEquals(1 / (1 + odds), PAPER.probabilityAlive(h), 1e-15);
        // Lapsed heavy buyer: P(alive) tiny but neither 0/0 nor NaN.
        double lapsed = PAPER.probabilityAlive(new CustomerHistory(300, 1, 1000, 10));
        assertTrue(lapsed >= 0 && lapsed < 1e-100, "lapsed P(alive) " + lapsed);
    }

    /** FHL (2005) section 5: E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 with the published estimates. */
    @Test
    void reproducesThePapersConditionalExpectationExample() {
        double e = PAPER.expectedTransactions(new CustomerHistory(2, 30.43, 38.86, 22.35), 39);
        assertEquals(1.226, Math.round(e * 1000) / 1000.0);
    }

    /**
     * FHL (2005) eq. (10) evaluated with mpmath 1.3.0 at 40 digits (2F1 by mpmath's own algorithm), for short and
     * very long horizons, heavy buyers, a on both sides of 1, a within 1e-9 of 1 and a + b < 1.
     * Columns: r, alpha, a, b, x, t_x, T, t, E[Y(t) | x, t_x, T].
     */
    @Test
    void conditionalExpectationAgreesWithArbitraryPrecisionReference() {
        double[][] cases = {
            {0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39, 1.2260281747671444631},
            {0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 52, 0.25207302228245892684},
            {0.243, 4.414, 0.793, 2.426, 0, 0, 0, 520, 4.9746178618496596652},
            {0.243, 4.414, 0.793, 2.426, 25, 38.0, 38.86, 1000, 113.15525096445619493},
            {0.5, 6.0, 3.0, 4.0, 0, 0, 10, 100, 1.2002572229013529674},
            {0.5, 6.0, 3.0, 4.0, 1, 5, 10, 5000, 1.5063589275834540368},
            {0.5, 6.0, 1.000000001, 4.0, 3, 8, 10, 52, 5.195307443064611371},
            {2.0, 3.0, 0.3, 0.4, 0, 0, 1, 30, 5.5371761926296023161},
            {0.243, 4.414, 0.793, 2.426, 150, 38.5, 38.86, 52, 126.89499750438389132},
            {0.243, 0.01, 0.793, 2.426, 0, 0, 0, 5000, 64.847831900870690753},
            {0.243, 0.01, 0.793, 2.426, 3, 0.5, 1, 5000, 40.261433727506577551},
            {0.5, 6.0, 1.00001, 4.0, 2, 8, 10, 520, 12.065873366848368955},
            {0.5, 6.0, 2.5, 1.0, 0, 0, 0, 100000.0, 1.6473076218656167531},
        };
        for (double[] k : cases) {
            BgNbdParameters p = new BgNbdParameters(k[0], k[1], k[2], k[3]);
            CustomerHistory h = new CustomerHistory((int) k[4], k[5], k[6], k[4] > 0 ? 1 : 0);
            double e = p.expectedTransactions(h, k[7]);
            assertEquals(k[8], e, 1e-10 * k[8], () -> p + " " + h + " t=" + k[7]);
        }
    }

    @Test
    void conditionalExpectationIsContinuousAcrossAEqualsOne() {
        CustomerHistory h = new CustomerHistory(1, 3, 20, 5);
        double atOne = new BgNbdParameters(0.5, 6, 1.0, 2).expectedTransactions(h, 30);
        double below = new BgNbdParameters(0.5, 6, 1.0 - 1e-7, 2).expectedTransactions(h, 30);
        double above = new BgNbdParameters(0.5, 6, 1.0 + 1e-7, 2).expectedTransactions(h, 30);
        assertTrue(Double.isFinite(atOne) && atOne > 0, "E at a = 1: " + atOne);
        assertEquals(atOne, below, 1e-6 * atOne);
        assertEquals(atOne, above, 1e-6 * atOne);
    }

    @Test
    void unconditionalExpectationIsEquationNine() {
        double t = 39;
        double z = t / (PAPER.alpha() + t);
        double eq9 = (PAPER.a() + PAPER.b() - 1) / (PAPER.a() - 1) * (1 - Math.pow(PAPER.alpha() / (PAPER.alpha() + t),
                PAPER.r()) * Hypergeometric.hyp2f1(PAPER.r(), PAPER.b(), PAPER.a() + PAPER.b() - 1, z));
        assertEquals(eq9, PAPER.expectedTransactions(t), 1e-12 * eq9);
        assertEquals(0.0, PAPER.expectedTransactions(0));
    }

    @Test
    void expectationGrowsWithTheHorizon() {
        CustomerHistory h = new CustomerHistory(4, 30, 38.86, 30);
        double previous = 0;
        for (int t = 1; t <= 2000; t += 13) {
            double e = PAPER.expectedTransactions(h, t);
            assertTrue(e > previous, "E[Y(" + t + ")] = " + e + " after " + previous);
            previous = e;
        }
    }

    @Test
    void customerLogLikelihoodMatchesTheFastSum() {
        List<CustomerHistory> hs = List.of(new CustomerHistory(0, 0, 38.86, 0), new CustomerHistory(2, 30.43, 38.86, 22.35),
                new CustomerHistory(14, 30, 32, 10), new CustomerHistory(0, 0, 0, 0));
        double sum = hs.stream().mapToDouble(PAPER::logLikelihood).sum();
        assertEquals(sum, PAPER.logLikelihood(hs), 1e-10);
        // x = 0: ln[B(a,b)/B(a,b)] + ln[alpha^r / (alpha+T)^r] = r ln(alpha / (alpha + T))
        assertEquals(PAPER.r() * Math.log(PAPER.alpha() / (PAPER.alpha() + 38.86)), PAPER.logLikelihood(hs.get(0)), 1e-12);
    }

    @Test
    void rejectsInvalidParametersNamingFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BgNbdParameters(0.2, -1, 1, 1));
        assertEquals("alpha must be finite and > 0, was -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BgNbdParameters(Double.NaN, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PAPER.expectedTransactions(-1));
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> new CustomerHistory(1, 5, 4, 1));
        assertEquals("T must be finite and >= tx (5.0), was 4.0", h.getMessage());
    }

    @Test
    void gammaGammaExpectedSpendIsAWeightedMean() {
        GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
        double population = 6.25 * 15.44 / (3.74 - 1);
        assertEquals(population, gg.meanSpend(), 1e-12);
        assertEquals(population, gg.expectedSpend(new CustomerHistory(0, 0, 10, 0)), 1e-12);
        CustomerHistory h = new CustomerHistory(3, 20, 30, 50);
        double w = 6.25 * 3 / (6.25 * 3 + 3.74 - 1);
        assertEquals((1 - w) * population + w * 50, gg.expectedSpend(h), 1e-12);
        assertThrows(IllegalStateException.class, () -> new GammaGammaParameters(1, 0.9, 1).meanSpend());
        assertThrows(IllegalArgumentException.class, () -> gg.logLikelihood(new CustomerHistory(0, 0, 1, 0)));
    }
}
