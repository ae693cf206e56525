package org.cstrat.server.customers.valuation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A firm's fitted customer-value models as kept on its {@code (:ValueModel)} node: the BG/NBD parameters (r, α, a, b) and the
 * Gamma-Gamma parameters (p, q, v), each with its standard error when the fit gave one ({@code null} otherwise), the
 * log-likelihoods and covariance matrices (row by row; {@code null} when not estimated), the customers fitted and the repeat
 * buyers among them, the calibration end, the horizon, discount rate and periods the values used, and when it was fitted.
 * {@code id} and {@code firm} are the node's, {@code null} before it is stored. Sent as JSON without its {@code null} fields, as a
 * node without those properties reads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueModel(String id, String firm,
                         Double r, Double rSe, Double alpha, Double alphaSe, Double a, Double aSe, Double b, Double bSe, Double bgnbdLogLik,
                         Double p, Double pSe, Double q, Double qSe, Double v, Double vSe, Double gammaGammaLogLik,
                         List<Double> bgnbdCovariance, List<Double> gammaGammaCovariance,
                         Long customers, Long repeatBuyers, LocalDate calibrationEnd, Double horizonWeeks, Double discountRate,
                         Long periods, OffsetDateTime fittedAt) {

    public ValueModel {
        bgnbdCovariance = bgnbdCovariance == null ? null : List.copyOf(bgnbdCovariance);
        gammaGammaCovariance = gammaGammaCovariance == null ? null : List.copyOf(gammaGammaCovariance);
    }
}
