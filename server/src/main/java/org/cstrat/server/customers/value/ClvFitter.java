package org.cstrat.server.customers.value;

import java.util.List;
import java.util.Objects;

/**
 * Fits BG/NBD and Gamma-Gamma to a set of customer histories. Stateless and thread-safe.
 *
 * <p>Typical use from a transaction log:
 * <pre>{@code
 *   List<CustomerSummary> summaries = TransactionLog.read(path).summarise(calibrationEnd);
 *   ClvFit fit = new ClvFitter().fitSummaries(summaries);   // throws FitNotConvergedException
 *   Files.writeString(out, ClvJson.write(fit, calibrationEnd));
 * }</pre>
 */
public final class ClvFitter {

    private final BgNbdFitter bgnbd;
    private final GammaGammaFitter gammaGamma;

    public ClvFitter() {
        this(FitOptions.DEFAULTS);
    }

    public ClvFitter(FitOptions options) {
        Objects.requireNonNull(options, "options");
        this.bgnbd = new BgNbdFitter(options);
        this.gammaGamma = new GammaGammaFitter(options);
    }

    /**
     * Fits both models and returns the result only if both converged.
     *
     * @throws FitNotConvergedException if either fit did not converge (the attempt is attached for diagnostics)
     * @throws IllegalArgumentException if {@code histories} is empty
     */
    public ClvFit fit(List<CustomerHistory> histories) {
        ClvFit fit = attemptFit(histories);
        if (!fit.converged()) {
            throw new FitNotConvergedException(fit);
        }
        return fit;
    }

    /** {@link #fit(List)} on the summaries' histories. */
    public ClvFit fitSummaries(List<CustomerSummary> summaries) {
        return fit(CustomerSummary.histories(summaries));
    }

    /**
     * Fits both models and returns the result whether or not they converged; callers must check
     * {@link ClvFit#converged()}.
     *
     * @throws IllegalArgumentException if {@code histories} is empty
     */
    public ClvFit attemptFit(List<CustomerHistory> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit: no first purchase on or before the calibration"
                    + " end");
        }
        return new ClvFit(bgnbd.attemptFit(histories), gammaGamma.attemptFit(histories), histories.size());
    }
}
