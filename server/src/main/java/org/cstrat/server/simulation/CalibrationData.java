package org.cstrat.server.simulation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cstrat.server.customers.value.BgNbdParameters;
import org.cstrat.server.customers.value.CovarianceMatrix;
import org.cstrat.server.customers.value.CustomerHistory;
import org.cstrat.server.customers.value.Estimate;
import org.cstrat.framework.StarStage;

/**
 * What the graph holds about a firm that a simulation can be calibrated from.
 *
 * @param technologies number of the firm's technologies at each STAR stage
 * @param segments     observed behaviour per customer segment
 * @param value        the firm's stored customer-value fit; empty before a valuation
 * @param revenueModels the firm's revenue models ({@code EARNS_BY}), ordered by id; they bill its current strategy
 */
public record CalibrationData(String firmId, Map<StarStage, Integer> technologies, List<SegmentData> segments,
                              Optional<ValueFit> value, List<RevenueModelData> revenueModels) {

    public CalibrationData {
        Objects.requireNonNull(firmId, "firmId");
        technologies = Map.copyOf(technologies);
        segments = List.copyOf(segments);
        Objects.requireNonNull(value, "value");
        revenueModels = revenueModels.stream().sorted(java.util.Comparator.comparing(RevenueModelData::id)).toList();
    }

    /** Without revenue models. */
    public CalibrationData(String firmId, Map<StarStage, Integer> technologies, List<SegmentData> segments,
                           Optional<ValueFit> value) {
        this(firmId, technologies, segments, value, List.of());
    }

    /**
     * One of the firm's revenue models as the graph holds it.
     *
     * @param kind  a {@link org.cstrat.framework.RevenueModelKind} id
     * @param payer {@code customer} or {@code actor}; null is read as the customer
     * @param unit  what one price is for ({@code month}, {@code session}, {@code ride} ...)
     * @param price price per unit (the firm's currency), NaN when the graph has none
     * @param indicator personalised pricing's indicator id, or null
     */
    public record RevenueModelData(String id, String name, String kind, String payer, String unit, double price, String indicator) {
        public RevenueModelData {
            Objects.requireNonNull(id, "revenue model id");
        }

        /** Whether the customer, not an ecosystem actor, pays under this model. */
        public boolean paidByCustomer() {
            return payer == null || payer.equals("customer");
        }
    }

    /** Without a customer valuation. */
    public CalibrationData(String firmId, Map<StarStage, Integer> technologies, List<SegmentData> segments) {
        this(firmId, technologies, segments, Optional.empty());
    }

    /** Customers in all segments. */
    public int customers() {
        return segments.stream().mapToInt(SegmentData::customers).sum();
    }

    /**
     * One segment's observations.
     *
     * @param months             length of the observation window (first to last interaction), in months, at least 1
     * @param meanSpend          mean amount of a respond step (currency); NaN when none
     * @param meanSatisfaction   mean satisfaction score 1-5; NaN when none
     * @param meanPAlive         mean BG/NBD P(alive) of the segment's valued customers (on {@code CUSTOMER_OF}); NaN when not valued
     * @param meanSpendSe        standard error of {@code meanSpend} ({@link RatioMean}); NaN when unknown
     * @param meanSatisfactionSe standard error of {@code meanSatisfaction} ({@link RatioMean}); NaN when unknown
     * @param valued             the BG/NBD inputs of the segment's valued customers, as stored with their values
     *                           ({@code zbar} left at 0: P(alive) does not use it); empty when not valued
     */
    public record SegmentData(String name, int customers, long requests, long identifiedRequests, long firmInitiated,
                              double months, double meanSpend, double meanSatisfaction, double meanPAlive,
                              double meanSpendSe, double meanSatisfactionSe, List<CustomerHistory> valued) {

        public SegmentData {
            Objects.requireNonNull(name, "name");
            valued = List.copyOf(valued);
        }

        /** Without standard errors. */
        public SegmentData(String name, int customers, long requests, long identifiedRequests, long firmInitiated,
                           double months, double meanSpend, double meanSatisfaction, double meanPAlive) {
            this(name, customers, requests, identifiedRequests, firmInitiated, months, meanSpend, meanSatisfaction, meanPAlive,
                    Double.NaN, Double.NaN, List.of());
        }

        /** Without a customer valuation. */
        public SegmentData(String name, int customers, long requests, long identifiedRequests, long firmInitiated,
                           double months, double meanSpend, double meanSatisfaction) {
            this(name, customers, requests, identifiedRequests, firmInitiated, months, meanSpend, meanSatisfaction, Double.NaN);
        }
    }

    /**
     * The parts of a firm's stored customer-value fit that calibration uses.
     *
     * @param bgnbd           BG/NBD estimates (r, alpha, a, b)
     * @param bgnbdCovariance their asymptotic covariance; the diagonal of the squared standard errors when the
     *                        fit was stored without it (correlations unknown); empty when no standard error is known
     * @param fullCovariance  whether {@code bgnbdCovariance} is the stored full matrix
     * @param spendShape      the Gamma-Gamma {@code q} (shape of the customers' spend heterogeneity) with its standard error
     */
    public record ValueFit(BgNbdParameters bgnbd, Optional<CovarianceMatrix> bgnbdCovariance, boolean fullCovariance,
                           Estimate spendShape) {

        public ValueFit {
            Objects.requireNonNull(bgnbd, "bgnbd");
            Objects.requireNonNull(bgnbdCovariance, "bgnbdCovariance");
            Objects.requireNonNull(spendShape, "spendShape");
        }
    }
}
