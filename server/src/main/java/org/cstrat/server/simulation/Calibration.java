package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.cstrat.server.customers.value.BgNbdParameters;
import org.cstrat.server.customers.value.CovarianceMatrix;
import org.cstrat.server.customers.value.CustomerHistory;
import org.cstrat.server.customers.value.DeltaMethod;
import org.cstrat.framework.StarStage;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.StarCoverage;
import org.cstrat.sim.model.UncertainParameter;

/**
 * Turns a firm's graph data into simulation parameters and their uncertainty. Every rule is here, stated once:
 * <ul>
 *   <li>one simulated segment per customer segment, with as many initial customers as the graph holds;</li>
 *   <li>{@code episodeRate} = request episodes / customers / months observed; 0 for a segment without request
 *       episodes when the firm's other segments have some (its customers do not bring needs here), the default
 *       only when the firm's data holds no request episode at all;</li>
 *   <li>{@code willingnessToPay} = mean amount paid per episode × {@value #WTP_OVER_PRICE}: customers who
 *       buy pay less than they would (the default logit acceptance of 73 % at price = WTP puts the
 *       typical buyer's surplus around a fifth of the price);</li>
 *   <li>{@code dataSharing} = share of request episodes in which the customer was identified;</li>
 *   <li>{@code initialTrust} = (mean satisfaction − 1) / 4, the 1-5 score rescaled to [0, 1];</li>
 *   <li>{@code baseChurn}, once the firm's customers are valued (BG/NBD): the monthly churn h that leaves
 *       the segment's mean P(alive) after the months observed, h = 1 − P(alive)^(1/months), within
 *       [{@value #CHURN_MIN}, {@value #CHURN_MAX}];</li>
 *   <li>{@code wtpSpread}, once valued (Gamma-Gamma): the spread of the customers' mean spend, whose
 *       coefficient of variation is 1/√(q − 2) in the Gamma-Gamma model, as the uniform ±spread with the same
 *       coefficient of variation, spread = √(3 / (q − 2)), at most {@value #SPREAD_MAX} (also for q ≤ 2, where the
 *       variance is infinite). The fit is firm-wide, so every segment gets the same spread;</li>
 *   <li>STAR coverage per stage = {@value #STAR_NONE} without a technology at that stage, else
 *       {@value #STAR_BASE} with one technology and {@value #STAR_STEP} more for each further one, at most {@value #STAR_MAX}.</li>
 * </ul>
 * Everything the graph does not show keeps the engine's documented defaults; a scenario file
 * overrides any of it.
 *
 * <p><b>Uncertainty.</b> Each calibrated quantity with a known standard error SE becomes an uncertain
 * parameter: a triangular distribution with its mode at the estimate θ̂ on [θ̂ − √6·SE, θ̂ + √6·SE]
 * ({@link #SPAN_IN_SE}: a symmetric triangular distribution of half-width w has standard deviation w/√6,
 * so the draws have exactly the estimate's standard error, and the interval holds the normal 95 % interval
 * ±1.96·SE). The interval is taken on the estimated quantity, then mapped through the (monotone) rule
 * above and clipped to the parameter's valid range; the mode is the calibrated value. The standard errors:
 * <ul>
 *   <li>episode rate: requests are Poisson, SE = √requests / customers / months;</li>
 *   <li>data sharing: binomial with the Agresti-Coull adjustment, SE = √(p̃ (1 − p̃) / (n + 4)),
 *       p̃ = (identified + 2) / (n + 4), n the request episodes ({@link #shareSe}), so that a share of 1 still has one;</li>
 *   <li>mean spend and mean satisfaction: the ratio estimator with customers as the units ({@link RatioMean});
 *       WTP's SE is {@value #WTP_OVER_PRICE} times the spend's, trust's a quarter of the satisfaction's;</li>
 *   <li>mean P(alive): the delta method ({@link DeltaMethod}) on the segment's mean of the customers' BG/NBD
 *       P(alive | x, t_x, T) as a function of (r, α, a, b), with the fit's covariance matrix (its diagonal of
 *       squared standard errors for fits stored before the matrix was);</li>
 *   <li>the Gamma-Gamma q: its maximum-likelihood standard error.</li>
 * </ul>
 * A quantity without an SE (e.g. the retention of customers valued before their model inputs were kept), or whose
 * interval collapses after clipping, gets no uncertain parameter.
 */
public final class Calibration {

    static final double WTP_OVER_PRICE = 1.25;
    static final double STAR_NONE = 0.3;
    static final double STAR_BASE = 0.6;
    static final double STAR_STEP = 0.1;
    static final double STAR_MAX = 0.95;
    static final double CHURN_MIN = 0.001;
    static final double CHURN_MAX = 0.5;
    static final double SPREAD_MAX = 0.99;
    /** Half-width of an uncertainty interval in standard errors: √6, so the triangular's standard deviation is one SE. */
    public static final double SPAN_IN_SE = Math.sqrt(6);

    private Calibration() {
    }

    /**
     * The calibrated parameters, the uncertain parameters carrying the fitted uncertainty, and where each
     * calibrated number comes from.
     */
    public record Calibrated(ModelParameters parameters, List<UncertainParameter> uncertainty, List<Source> sources) {
        public Calibrated {
            uncertainty = List.copyOf(uncertainty);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Where one calibrated number comes from.
     *
     * @param parameter     its path, e.g. {@code segments[commuters].episodeRate}
     * @param standardError the estimate's standard error on the parameter's scale (NaN when unknown)
     * @param basis         the data and the rule, in words
     */
    public record Source(String parameter, double value, double standardError, String basis) {
    }

    public static ModelParameters parameters(CalibrationData data) {
        return calibrate(data).parameters();
    }

    public static Calibrated calibrate(CalibrationData data) {
        ModelParameters defaults = ModelParameters.defaults();
        List<Segment> segments = new ArrayList<>();
        List<Estimated> estimates = new ArrayList<>();
        boolean firmRequests = data.segments().stream().anyMatch(s -> s.requests() > 0);
        for (CalibrationData.SegmentData s : data.segments()) {
            if (s.customers() == 0) {
                continue;
            }
            segments.add(segment(s, data.value(), firmRequests, estimates));
        }
        if (segments.isEmpty()) {
            segments = defaults.segments();
            estimates.clear();
        }
        StarCoverage star = new StarCoverage(coverage(data, StarStage.SENSE), coverage(data, StarStage.TRANSMIT),
                coverage(data, StarStage.ANALYZE), coverage(data, StarStage.REACT));
        ModelParameters parameters = new ModelParameters(defaults.periods(), defaults.discountRate(), star, defaults.behaviour(),
                defaults.costs(), segments);
        List<UncertainParameter> uncertainty = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Estimated e : estimates) {
            ParameterPaths.NumericParameter p = ParameterPaths.find(parameters, e.path);
            sources.add(new Source(e.path, p.value(), e.parameterSe(), e.basis));
            uncertain(e.path, e.estimate, e.se, e.rule, p.min(), p.max()).ifPresent(uncertainty::add);
        }
        return new Calibrated(parameters, uncertainty, sources);
    }

    /** A calibrated quantity: the estimate it comes from, its SE, and the rule from estimate to parameter. */
    private record Estimated(String path, double estimate, double se, DoubleUnaryOperator rule, String basis) {
        double parameterSe() {
            double h = 1e-6 * Math.max(Math.abs(estimate), 1e-6);
            return Double.isNaN(se) ? Double.NaN : Math.abs(rule.applyAsDouble(estimate + h) - rule.applyAsDouble(estimate - h)) / (2 * h) * se;
        }
    }

    private static Segment segment(CalibrationData.SegmentData s, Optional<CalibrationData.ValueFit> value, boolean firmRequests,
                                   List<Estimated> out) {
        Segment d = Segment.defaults(s.name());
        String at = "segments[" + s.name() + "].";
        double months = Math.max(1.0, s.months());
        double rate = d.episodeRate();
        DoubleUnaryOperator rateRule = x -> Math.max(0, Math.min(100, x));
        if (s.requests() > 0) {
            double estimate = s.requests() / (double) s.customers() / months;
            rate = rateRule.applyAsDouble(estimate);
            out.add(new Estimated(at + "episodeRate", estimate, Math.sqrt(s.requests()) / s.customers() / months, rateRule,
                    String.format(Locale.ROOT, "%d request episodes / %d customers / %.1f months; SE √requests / customers / months (Poisson)",
                            s.requests(), s.customers(), months)));
        } else if (firmRequests) {
            // The firm records requests, just none from these customers: they do not bring needs here. The SE is
            // that of one request, the smallest count the data could have shown.
            rate = 0.0;
            out.add(new Estimated(at + "episodeRate", 0.0, 1.0 / s.customers() / months, rateRule,
                    String.format(Locale.ROOT, "no request episode from %d customers in %.1f months while the firm's other segments "
                            + "request; SE 1 / customers / months (one request)", s.customers(), months)));
        }
        double wtp = d.willingnessToPay();
        if (!Double.isNaN(s.meanSpend()) && s.meanSpend() > 0) {
            DoubleUnaryOperator rule = x -> x * WTP_OVER_PRICE;
            wtp = rule.applyAsDouble(s.meanSpend());
            out.add(new Estimated(at + "willingnessToPay", s.meanSpend(), s.meanSpendSe(), rule,
                    String.format(Locale.ROOT, "%s × mean amount paid per respond step %.2f; SE from customers' spend (ratio estimator)",
                            WTP_OVER_PRICE, s.meanSpend())));
        }
        double sharing = d.dataSharing();
        if (s.requests() > 0) {
            double p = s.identifiedRequests() / (double) s.requests();
            sharing = p;
            out.add(new Estimated(at + "dataSharing", p, shareSe(s.identifiedRequests(), s.requests()), Calibration::clamp,
                    String.format(Locale.ROOT, "%d identified of %d request episodes; SE binomial (Agresti-Coull)",
                            s.identifiedRequests(), s.requests())));
        }
        double trust = d.initialTrust();
        if (!Double.isNaN(s.meanSatisfaction())) {
            DoubleUnaryOperator rule = x -> clamp((x - 1) / 4.0);
            trust = rule.applyAsDouble(s.meanSatisfaction());
            out.add(new Estimated(at + "initialTrust", s.meanSatisfaction(), s.meanSatisfactionSe(), rule,
                    String.format(Locale.ROOT, "(mean satisfaction %.2f − 1) / 4; SE from customers' ratings (ratio estimator)",
                            s.meanSatisfaction())));
        }
        double churn = d.baseChurn();
        if (!Double.isNaN(s.meanPAlive())) {
            DoubleUnaryOperator rule = p -> churn(p, months);
            churn = rule.applyAsDouble(s.meanPAlive());
            double se = value.flatMap(CalibrationData.ValueFit::bgnbdCovariance)
                    .map(cov -> meanPAliveSe(value.get().bgnbd(), cov, s.valued())).orElse(Double.NaN);
            String how = s.valued().isEmpty() || value.isEmpty()
                    ? "no SE: the customers were valued before their BG/NBD inputs were kept; value them again"
                    : "SE of P by the delta method on the BG/NBD fit" + (value.get().fullCovariance() ? ""
                            : " (its standard errors only: value the customers again for the covariance)");
            out.add(new Estimated(at + "baseChurn", s.meanPAlive(), se, rule,
                    String.format(Locale.ROOT, "1 − P^(1/%.1f months), P = mean BG/NBD P(alive) %.3f of the segment's valued customers; %s",
                            months, s.meanPAlive(), how)));
        }
        double spread = d.wtpSpread();
        if (value.isPresent()) {
            var q = value.get().spendShape();
            spread = spread(q.estimate());
            out.add(new Estimated(at + "wtpSpread", q.estimate(), q.se(), Calibration::spread,
                    String.format(Locale.ROOT, "√(3 / (q − 2)) at most %s, Gamma-Gamma q = %.3f: customers' spread of mean spend; SE of q from the fit",
                            SPREAD_MAX, q.estimate())));
        }
        return new Segment(s.name(), s.customers(), d.newCustomersPerPeriod(), rate, wtp, spread,
                d.priceSensitivity(), sharing, d.privacySensitivity(), d.selfInitiation(), churn, trust,
                d.preference(), d.valuePerEpisode(), d.usagePerEpisode(), d.riskScore(), d.peakShare(), d.acquisitionCost());
    }

    /**
     * Binomial standard error of a share of {@code n} trials with the Agresti-Coull adjustment (two successes and
     * two failures added, Agresti &amp; Coull 1998): √(p̃(1 − p̃) / (n + 4)), p̃ = (successes + 2) / (n + 4), so a
     * share of exactly 0 or 1 keeps an uncertainty that shrinks with n.
     */
    static double shareSe(long successes, long n) {
        double p = (successes + 2.0) / (n + 4.0);
        return Math.sqrt(p * (1 - p) / (n + 4.0));
    }

    /** Monthly churn that leaves P(alive) = p after {@code months}, within [CHURN_MIN, CHURN_MAX]. */
    static double churn(double pAlive, double months) {
        return Math.max(CHURN_MIN, Math.min(CHURN_MAX, 1 - Math.pow(clamp(pAlive), 1 / Math.max(1.0, months))));
    }

    /** The uniform ±spread with the coefficient of variation 1/√(q − 2) of the Gamma-Gamma customers' mean spend. */
    static double spread(double q) {
        return q <= 2 ? SPREAD_MAX : Math.min(SPREAD_MAX, Math.sqrt(3 / (q - 2)));
    }

    /** SE of the segment's mean P(alive) by the delta method; NaN without valued customers. */
    static double meanPAliveSe(BgNbdParameters fit, CovarianceMatrix covariance, List<CustomerHistory> customers) {
        if (customers.isEmpty()) {
            return Double.NaN;
        }
        return DeltaMethod.standardError(t -> {
            BgNbdParameters p = new BgNbdParameters(t[0], t[1], t[2], t[3]);
            double sum = 0;
            for (CustomerHistory h : customers) {
                sum += p.probabilityAlive(h);
            }
            return sum / customers.size();
        }, new double[] {fit.r(), fit.alpha(), fit.a(), fit.b()}, covariance);
    }

    /**
     * The uncertain parameter of an estimate with standard error {@code se}: triangular on
     * rule([θ̂ − √6·SE, θ̂ + √6·SE]) clipped to [min, max], mode rule(θ̂); empty when there is no spread.
     *
     * @param rule monotone map from the estimate to the parameter
     */
    static Optional<UncertainParameter> uncertain(String path, double estimate, double se, DoubleUnaryOperator rule, double min, double max) {
        if (!(se > 0) || !Double.isFinite(se)) {
            return Optional.empty();
        }
        double a = rule.applyAsDouble(estimate - SPAN_IN_SE * se);
        double b = rule.applyAsDouble(estimate + SPAN_IN_SE * se);
        double low = Math.max(min, Math.min(a, b));
        double high = Math.min(max, Math.max(a, b));
        double mode = Math.max(low, Math.min(high, rule.applyAsDouble(estimate)));
        if (!(high > low)) {
            return Optional.empty();
        }
        return Optional.of(new UncertainParameter(path, UncertainParameter.Shape.TRIANGULAR, low, mode, high));
    }

    static double coverage(CalibrationData data, StarStage stage) {
        int n = data.technologies().getOrDefault(stage, 0);
        return n == 0 ? STAR_NONE : Math.min(STAR_MAX, STAR_BASE + STAR_STEP * (n - 1));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
