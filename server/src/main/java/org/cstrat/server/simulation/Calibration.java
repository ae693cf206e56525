package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.List;

import org.cstrat.framework.StarStage;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.StarCoverage;

/**
 * Turns a firm's graph data into simulation parameters. Every rule is here, stated once:
 * <ul>
 *   <li>one simulated segment per customer segment, with as many initial customers as the graph holds;</li>
 *   <li>{@code episodeRate} = request episodes / customers / months observed;</li>
 *   <li>{@code willingnessToPay} = mean amount paid per episode × {@value #WTP_OVER_PRICE}: customers who
 *       buy pay less than they would (the default logit acceptance of 73 % at price = WTP puts the
 *       typical buyer's surplus around a fifth of the price);</li>
 *   <li>{@code dataSharing} = share of request episodes in which the customer was identified;</li>
 *   <li>{@code initialTrust} = (mean satisfaction − 1) / 4, the 1-5 score rescaled to [0, 1];</li>
 *   <li>STAR coverage per stage = {@value #STAR_NONE} without a technology at that stage, else
 *       {@value #STAR_BASE} with one technology and {@value #STAR_STEP} more for each further one, at most {@value #STAR_MAX}.</li>
 * </ul>
 * Everything the graph does not show keeps the engine's documented defaults; a scenario file
 * overrides any of it.
 */
public final class Calibration {

    static final double WTP_OVER_PRICE = 1.25;
    static final double STAR_NONE = 0.3;
    static final double STAR_BASE = 0.6;
    static final double STAR_STEP = 0.1;
    static final double STAR_MAX = 0.95;

    private Calibration() {
    }

    public static ModelParameters parameters(CalibrationData data) {
        ModelParameters defaults = ModelParameters.defaults();
        List<Segment> segments = new ArrayList<>();
        for (CalibrationData.SegmentData s : data.segments()) {
            if (s.customers() == 0) {
                continue;
            }
            Segment d = Segment.defaults(s.name());
            double rate = s.requests() == 0 ? d.episodeRate() : Math.min(100, s.requests() / (double) s.customers() / Math.max(1.0, s.months()));
            double wtp = Double.isNaN(s.meanSpend()) || s.meanSpend() <= 0 ? d.willingnessToPay() : s.meanSpend() * WTP_OVER_PRICE;
            double sharing = s.requests() == 0 ? d.dataSharing() : s.identifiedRequests() / (double) s.requests();
            double trust = Double.isNaN(s.meanSatisfaction()) ? d.initialTrust() : clamp((s.meanSatisfaction() - 1) / 4.0);
            segments.add(new Segment(s.name(), s.customers(), d.newCustomersPerPeriod(), rate, wtp, d.wtpSpread(),
                    d.priceSensitivity(), sharing, d.privacySensitivity(), d.selfInitiation(), d.baseChurn(), trust,
                    d.preference(), d.valuePerEpisode(), d.usagePerEpisode(), d.riskScore(), d.peakShare(), d.acquisitionCost()));
        }
        if (segments.isEmpty()) {
            segments = defaults.segments();
        }
        StarCoverage star = new StarCoverage(coverage(data, StarStage.SENSE), coverage(data, StarStage.TRANSMIT),
                coverage(data, StarStage.ANALYZE), coverage(data, StarStage.REACT));
        return new ModelParameters(defaults.periods(), defaults.discountRate(), star, defaults.behaviour(), defaults.costs(), segments);
    }

    static double coverage(CalibrationData data, StarStage stage) {
        int n = data.technologies().getOrDefault(stage, 0);
        return n == 0 ? STAR_NONE : Math.min(STAR_MAX, STAR_BASE + STAR_STEP * (n - 1));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
