package org.cstrat.server.customers.value;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood fitting of the BG/NBD model (Fader, Hardie &amp; Lee 2005, section 4 and eq. 6; the
 * spreadsheet implementation in Hardie's note 004). See {@link MaximumLikelihood} for the optimizer and checks.
 * Stateless and thread-safe.
 */
public final class BgNbdFitter {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private final FitOptions options;

    public BgNbdFitter() {
        this(FitOptions.DEFAULTS);
    }

    public BgNbdFitter(FitOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Fits r, alpha, a, b to the customers' (x, t_x, T). Never returns an unconverged fit silently: the result's
     * {@link BgNbdFit#convergence()} says whether it converged and why not.
     *
     * @throws IllegalArgumentException if {@code histories} is empty
     */
    public BgNbdFit attemptFit(List<CustomerHistory> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("BG/NBD needs at least one customer, got none");
        }
        Likelihood likelihood = Likelihood.of(histories);
        double sumX = 0;
        double sumT = 0;
        for (CustomerHistory h : histories) {
            sumX += h.x();
            sumT += h.T();
        }
        // Rough purchase rate per week, so that the starting alpha = r / rate is on the data's time scale.
        double rate = Math.max(sumX, 0.5) / Math.max(sumT, 1.0);
        List<double[]> starts = List.of(
                new double[] {1.0, 1.0 / rate, 1.0, 1.0},
                new double[] {0.25, 0.25 / rate, 0.5, 2.5},
                new double[] {4.0, 4.0 / rate, 2.0, 8.0},
                new double[] {0.5, 0.5 / rate, 0.2, 0.5});
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(NAMES,
                t -> likelihood.logLikelihood(t[0], t[1], t[2], t[3]), starts, options);
        List<Estimate> e = result.estimates();
        return new BgNbdFit(e.get(0), e.get(1), e.get(2), e.get(3), result.logLikelihood(), histories.size(),
                result.covariance(), result.convergence());
    }

    /**
     * The BG/NBD log-likelihood over a data set, precomputed for speed: customers with identical (x, t_x, T) are
     * evaluated once and weighted by their count (as in Hardie's note 004); the log-gamma terms, which depend on x
     * only, are computed once per distinct x, and {@code ln(alpha + T)}, {@code ln(alpha + t_x)} once per distinct
     * time value (few with daily data), per evaluation.
     */
    static final class Likelihood {
        private final int[] x;
        private final int[] txIndex;
        private final int[] bigTIndex;
        private final double[] times;
        private final double[] weight;
        private final int[] distinctX;

        private Likelihood(int[] x, int[] txIndex, int[] bigTIndex, double[] times, double[] weight) {
            this.x = x;
            this.txIndex = txIndex;
            this.bigTIndex = bigTIndex;
            this.times = times;
            this.weight = weight;
            this.distinctX = Arrays.stream(x).distinct().sorted().toArray();
        }

        static Likelihood of(List<CustomerHistory> histories) {
            Map<List<Double>, Integer> counts = new LinkedHashMap<>();
            for (CustomerHistory h : histories) {
                counts.merge(List.of((double) h.x(), h.tx(), h.T()), 1, Integer::sum);
            }
            Map<Double, Integer> timeIndex = new LinkedHashMap<>();
            int n = counts.size();
            int[] x = new int[n];
            int[] txIndex = new int[n];
            int[] bigTIndex = new int[n];
            double[] weight = new double[n];
            int i = 0;
            for (Map.Entry<List<Double>, Integer> e : counts.entrySet()) {
                x[i] = e.getKey().get(0).intValue();
                txIndex[i] = timeIndex.computeIfAbsent(e.getKey().get(1), k -> timeIndex.size());
                bigTIndex[i] = timeIndex.computeIfAbsent(e.getKey().get(2), k -> timeIndex.size());
                weight[i] = e.getValue();
                i++;
            }
            double[] times = timeIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            return new Likelihood(x, txIndex, bigTIndex, times, weight);
        }

        double logLikelihood(double r, double alpha, double a, double b) {
            int maxX = distinctX.length == 0 ? 0 : distinctX[distinctX.length - 1];
            double[] constant = new double[maxX + 1];
            double[] logA4Factor = new double[maxX + 1];
            double common = -Gamma.logGamma(r) + r * Math.log(alpha) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
            double logA = Math.log(a);
            for (int k : distinctX) {
                constant[k] = common + Gamma.logGamma(r + k) + Gamma.logGamma(b + k) - Gamma.logGamma(a + b + k);
                logA4Factor[k] = k > 0 ? logA - Math.log(b + k - 1) : 0;
            }
            double[] logAlphaPlus = new double[times.length];
            for (int j = 0; j < times.length; j++) {
                logAlphaPlus[j] = Math.log(alpha + times[j]);
            }
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                int k = x[i];
                double a3 = -(r + k) * logAlphaPlus[bigTIndex[i]];
                double term;
                if (k == 0) {
                    term = a3;
                } else {
                    double a4 = logA4Factor[k] - (r + k) * logAlphaPlus[txIndex[i]];
                    double max = Math.max(a3, a4);
                    term = max + Math.log1p(Math.exp(Math.min(a3, a4) - max));
                }
                sum += weight[i] * (constant[k] + term);
            }
            return sum;
        }
    }
}
