package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaMethodTest {

    /** g = θ0 θ1 at (2, 3): ∇g = (3, 2), var = 9 · 0.04 + 4 · 0.09 + 2 · 3 · 2 · 0.01 = 0.84. */
    @Test
    void productOfTwoCorrelatedEstimates() {
        CovarianceMatrix cov = new CovarianceMatrix(List.of("x", "y"), new double[][] {{0.04, 0.01}, {0.01, 0.09}});
        double[] at = {2, 3};
        assertArrayEquals(new double[] {3, 2}, DeltaMethod.gradient(t -> t[0] * t[1], at), 1e-9);
        assertEquals(Math.sqrt(0.84), DeltaMethod.standardError(t -> t[0] * t[1], at, cov), 1e-9);
    }

    /**
     * P(alive) of a buyer whose last purchase ends the period (t_x = T) is b / (a + b + x - 1) whatever r and alpha;
     * with only {@code a} uncertain, dP/da = -P(1-P)/a. At a = 1, b = 3, x = 1: P = 0.75, se = 0.1875 · 0.2.
     */
    @Test
    void probabilityAliveOfABgNbdCustomerWithOnlyAUncertain() {
        CustomerHistory h = new CustomerHistory(1, 10, 10, 0);
        double[] at = {0.5, 4, 1, 3};
        double[][] m = new double[4][4];
        m[2][2] = 0.04;
        CovarianceMatrix cov = new CovarianceMatrix(List.of("r", "alpha", "a", "b"), m);
        double se = DeltaMethod.standardError(t -> new BgNbdParameters(t[0], t[1], t[2], t[3]).probabilityAlive(h), at, cov);
        assertEquals(0.0375, se, 1e-9);
    }
}
