package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class HypergeometricTest {

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    @Test
    void closedForms() {
        for (double z : new double[] {-0.9, -0.5, 0.01, 0.3, 0.7, 0.95, 0.999, 0.9999}) {
            // 2F1(1,1;2;z) = -ln(1-z)/z  (c-a-b = 0: the series fallback, slow near 1)
            assertRelative(-Math.log1p(-z) / z, Hypergeometric.hyp2f1(1, 1, 2, z), 1e-13, "2F1(1,1;2;" + z + ")");
            // 2F1(a,b;b;z) = (1-z)^-a
            assertRelative(Math.pow(1 - z, -0.7), Hypergeometric.hyp2f1(0.7, 2.3, 2.3, z), 1e-13,
                    "2F1(0.7,2.3;2.3;" + z + ")");
            // c-a-b = 1/2: the transformation to 1-z near 1
            assertRelative(Math.pow(1 - z, -0.7), Hypergeometric.hyp2f1(0.7, 2.3, 2.3, z), 1e-13, "");
        }
        for (double x : new double[] {0.1, 0.5, 0.9, 0.99, 0.9999}) {
            // 2F1(1/2,1/2;3/2;x^2) = arcsin(x)/x
            assertRelative(Math.asin(x) / x, Hypergeometric.hyp2f1(0.5, 0.5, 1.5, x * x), 1e-13, "arcsin at " + x);
            // 2F1(1/2,1;3/2;x^2) = artanh(x)/x
            double artanh = 0.5 * Math.log((1 + x) / (1 - x));
            assertRelative(artanh / x, Hypergeometric.hyp2f1(0.5, 1, 1.5, x * x), 1e-12, "artanh at " + x);
            // 2F1(1/2,1;3/2;-x^2) = arctan(x)/x
            assertRelative(Math.atan(x) / x, Hypergeometric.hyp2f1(0.5, 1, 1.5, -x * x), 1e-13, "arctan at " + x);
        }
        // terminating series: 2F1(-2,b;c;z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
        double b = 1.7;
        double c = 3.2;
        double z = 0.6;
        assertRelative(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), Hypergeometric.hyp2f1(-2, b, c, z),
                1e-14, "polynomial");
        // Gauss's sum at z = 1
        double a = 0.3;
        assertRelative(Math.exp(Gamma.logGamma(c) + Gamma.logGamma(c - a - b) - Gamma.logGamma(c - a)
                - Gamma.logGamma(c - b)), Hypergeometric.hyp2f1(a, b, c, 1), 1e-13, "Gauss");
        assertEquals(1.0, Hypergeometric.hyp2f1(2, 3, 4, 0));
    }

    /** Reference values from mpmath 1.3.0 {@code hyp2f1} at 40 significant digits. */
    @Test
    void agreesWithArbitraryPrecisionReference() {
        double[][] cases = {
            {0.5, 1.5, 2.5, 0.3, 1.1080625510569319884},
            {1.2, 2.3, 0.7, 0.9, 1223.8084410400485709},
            {0.243, 2.426, 2.219, 0.99, 4.3752613674085372013},
            {5.243, 7.426, 7.219, 0.999, 20862773032821529.821},
            {2.0, 3.0, 4.5, -0.8, 0.4411802873860462015},
            {2.0, 3.0, 4.5, -7.5, 0.037426597077113135511},
            {0.3, 0.2, 0.6, 0.999999, 1.8439463820484865553},
            {1.5, 2.5, 4.0, 0.5, 1.8356818697278211445},
            {10.2, 12.4, 13.2, 0.95, 2092631500505.6165472},
            {0.25, -0.2, -0.4, 0.6, 1.1535028958604333849},
            {30.2, 32.4, 33.2, 0.98, 9.6128520784485720411e+49},
            {2.5, 1.5, 3.9, 0.97, 11.05182334165593537},
            {0.2, 0.3, 1.5005, 0.95, 1.064381917464465626},
            {1.7, 0.6, 2.75, 0.9999999, 3.0273920977754048553},
            {1.7, 0.6, 2.3005, 0.99, 4.1610341796608761428},
            {3.1, 2.2, 1.3, -1000000.0, -2.605500925207874099e-15},
            {-3, 2.5, 1.5, 0.7, -0.099000000000000017319},
            {0.793, -0.5, 1.2, 0.93, 0.57143314289281580236},
        };
        for (double[] k : cases) {
            assertRelative(k[4], Hypergeometric.hyp2f1(k[0], k[1], k[2], k[3]), 1e-11,
                    "2F1(" + k[0] + ", " + k[1] + "; " + k[2] + "; " + k[3] + ")");
        }
    }

    @Test
    void rejectsArgumentsOutsideItsDomain() {
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.hyp2f1(1, 1, 2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.hyp2f1(1, 1, 2, 1.0)); // c-a-b = 0
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.hyp2f1(1, 1, -2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.hyp2f1(Double.NaN, 1, 2, 0.5));
    }

    @Test
    void reportsASeriesThatCannotConvergeInsteadOfReturningIt() {
        // c-a-b = 0 sits exactly on the integer guard, so no transformation helps; at 1 - 1e-9 the series needs
        // more than MAX_TERMS terms and must say so.
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Hypergeometric.hyp2f1(1, 1, 2, 1 - 1e-9));
        assertEquals(true, e.getMessage().contains("did not converge"), e.getMessage());
    }
}
