package org.cstrat.server.customers.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Maximum-likelihood fitting of the Gamma-Gamma spend model (Fader &amp; Hardie 2013, note 025, eq. 1a) on the
 * repeat buyers ({@code x > 0}); customers whose repeat purchases were all worth 0 carry no information on the
 * spend distribution and are left out (and counted). See {@link MaximumLikelihood} for the optimizer and checks.
 * Stateless and thread-safe.
 */
public final class GammaGammaFitter {

    static final List<String> NAMES = List.of("p", "q", "v");

    private final FitOptions options;

    public GammaGammaFitter() {
        this(FitOptions.DEFAULTS);
    }

    public GammaGammaFitter(FitOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Fits p, q, v to the repeat buyers among {@code histories} (others are skipped). Never returns an
     * unconverged fit silently: the result's {@link GammaGammaFit#convergence()} says whether it converged.
     */
    public GammaGammaFit attemptFit(List<CustomerHistory> histories) {
        List<CustomerHistory> used = new ArrayList<>();
        int excluded = 0;
        for (CustomerHistory h : histories) {
            if (h.x() > 0 && h.zbar() > 0) {
                used.add(h);
            } else if (h.x() > 0) {
                excluded++;
            }
        }
        Likelihood likelihood = Likelihood.of(used);
        double meanSpend = used.stream().mapToDouble(CustomerHistory::zbar).average().orElse(1.0);
        // E[zbar] = p v / (q - 1): each start puts the population mean at the observed mean.
        List<double[]> starts = List.of(
                new double[] {1.0, 2.0, meanSpend},
                new double[] {5.0, 5.0, 0.8 * meanSpend},
                new double[] {0.5, 1.5, meanSpend},
                new double[] {10.0, 3.0, 0.2 * meanSpend});
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(NAMES,
                t -> likelihood.logLikelihood(t[0], t[1], t[2]), starts, options);
        List<Estimate> e = result.estimates();
        Convergence convergence = result.convergence();
        if (used.isEmpty()) {
            convergence = new Convergence(false, "not converged: no repeat buyers with positive spend; the "
                    + "Gamma-Gamma model cannot be fitted", convergence.evaluations(), convergence.startsTried(),
                    convergence.startsAgreeing(), false, Double.NaN);
        }
        return new GammaGammaFit(e.get(0), e.get(1), e.get(2), result.logLikelihood(), used.size(), excluded,
                correlation(used), used.isEmpty() ? Optional.empty() : result.covariance(), convergence);
    }

    private static double correlation(List<CustomerHistory> used) {
        if (used.size() < 3) {
            return Double.NaN;
        }
        double[] x = used.stream().mapToDouble(CustomerHistory::x).toArray();
        double[] z = used.stream().mapToDouble(CustomerHistory::zbar).toArray();
        double c = new PearsonsCorrelation().correlation(x, z);
        return Double.isFinite(c) ? c : Double.NaN;
    }

    /**
     * The Gamma-Gamma log-likelihood over repeat buyers, with the per-customer logs precomputed and the log-gamma
     * terms, which depend on x only, computed once per distinct x per evaluation.
     */
    static final class Likelihood {
        private final int[] x;
        private final double[] zbar;
        private final double[] logZbar;
        private final int[] distinctX;

        private Likelihood(int[] x, double[] zbar) {
            this.x = x;
            this.zbar = zbar;
            this.logZbar = Arrays.stream(zbar).map(Math::log).toArray();
            this.distinctX = Arrays.stream(x).distinct().sorted().toArray();
        }

        static Likelihood of(List<CustomerHistory> repeatBuyers) {
            for (CustomerHistory h : repeatBuyers) {
                if (h.x() == 0 || h.zbar() <= 0) {
                    throw new IllegalArgumentException("Gamma-Gamma needs x > 0 and zbar > 0, was x=" + h.x()
                            + ", zbar=" + h.zbar());
                }
            }
            return new Likelihood(repeatBuyers.stream().mapToInt(CustomerHistory::x).toArray(),
                    repeatBuyers.stream().mapToDouble(CustomerHistory::zbar).toArray());
        }

        double logLikelihood(double p, double q, double v) {
            double logV = Math.log(v);
            int maxX = distinctX.length == 0 ? 0 : distinctX[distinctX.length - 1];
            double[] constant = new double[maxX + 1];
            double lgQ = Gamma.logGamma(q);
            for (int k : distinctX) {
                double pk = p * k;
                constant[k] = Gamma.logGamma(pk + q) - Gamma.logGamma(pk) - lgQ + q * logV + pk * Math.log(k);
            }
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                int k = x[i];
                double px = p * k;
                sum += constant[k] + (px - 1) * logZbar[i] - (px + q) * Math.log(v + k * zbar[i]);
            }
            return sum;
        }
    }
}
