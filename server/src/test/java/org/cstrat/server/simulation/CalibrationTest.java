package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.customers.value.BgNbdParameters;
import org.cstrat.server.customers.value.CovarianceMatrix;
import org.cstrat.server.customers.value.CustomerHistory;
import org.cstrat.server.customers.value.Estimate;
import org.cstrat.framework.StarStage;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.UncertainParameter;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void segmentsAndStarCoverageFollowTheStatedRules() {
        var data = new CalibrationData("f", Map.of(StarStage.SENSE, 2, StarStage.ANALYZE, 1, StarStage.REACT, 9), List.of(
                new CalibrationData.SegmentData("commuters", 40, 960, 720, 100, 12.0, 16.0, 4.2),
                new CalibrationData.SegmentData("empty", 0, 0, 0, 0, 1, Double.NaN, Double.NaN)));
        ModelParameters p = Calibration.parameters(data);
        assertThat(p.segments()).extracting(Segment::name).containsExactly("commuters");
        Segment s = p.segments().get(0);
        assertThat(s.initialCustomers()).isEqualTo(40);
        assertThat(s.episodeRate()).isCloseTo(960.0 / 40 / 12, within(1e-12));
        assertThat(s.willingnessToPay()).isCloseTo(16.0 * 1.25, within(1e-12));
        assertThat(s.dataSharing()).isCloseTo(0.75, within(1e-12));
        assertThat(s.initialTrust()).isCloseTo((4.2 - 1) / 4, within(1e-12));
        assertThat(p.star().sense()).isCloseTo(0.7, within(1e-12));
        assertThat(p.star().transmit()).isCloseTo(0.3, within(1e-12));
        assertThat(p.star().analyze()).isCloseTo(0.6, within(1e-12));
        assertThat(p.star().react()).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void retentionComesFromTheMeanProbabilityOfBeingAlive() {
        var data = new CalibrationData("f", Map.of(), List.of(
                new CalibrationData.SegmentData("valued", 10, 100, 100, 0, 12.0, 20.0, 4.0, 0.7),
                new CalibrationData.SegmentData("not valued", 10, 100, 100, 0, 12.0, 20.0, 4.0)));
        ModelParameters p = Calibration.parameters(data);
        assertThat(p.segments().get(0).baseChurn()).isCloseTo(1 - Math.pow(0.7, 1 / 12.0), within(1e-12));
        assertThat(p.segments().get(1).baseChurn()).isEqualTo(Segment.defaults("x").baseChurn());
    }

    @Test
    void aFirmWithoutCustomersKeepsTheDefaultSegment() {
        ModelParameters p = Calibration.parameters(new CalibrationData("f", Map.of(), List.of()));
        assertThat(p.segments()).isEqualTo(ModelParameters.defaults().segments());
    }

    /**
     * Known standard errors give these intervals, worked by hand: each is the estimate ± √6 SE
     * (√6 = 2.4494897), mapped through the calibration rule, with the calibrated value as the mode.
     */
    @Test
    void uncertaintyIntervalsFollowFromTheStandardErrors() {
        // One valued customer: x = 1, t_x = T, so P(alive) = b / (a + b) = 0.75 whatever r and alpha; only a
        // uncertain (variance 0.04): dP/da = -P(1 - P)/a = -0.1875, so se(P) = 0.1875 · 0.2 = 0.0375.
        double[][] cov = new double[4][4];
        cov[2][2] = 0.04;
        var fit = new CalibrationData.ValueFit(new BgNbdParameters(0.5, 4, 1, 3),
                Optional.of(new CovarianceMatrix(List.of("r", "alpha", "a", "b"), cov)), true, new Estimate(8, 1));
        var segment = new CalibrationData.SegmentData("commuters", 40, 960, 720, 0, 12.0, 16.0, 4.2, 0.75,
                0.5, 0.1, List.of(new CustomerHistory(1, 10, 10, 0)));
        var calibrated = Calibration.calibrate(new CalibrationData("f", Map.of(), List.of(segment), Optional.of(fit)));

        // rate 960 / 40 / 12 = 2, se = √960 / 480 = 0.0645497: 2 ± 0.1581139
        assertInterval(calibrated, "segments[commuters].episodeRate", 1.8418861, 2.0, 2.1581139);
        // p = 720 / 960 = 0.75; Agresti-Coull p̃ = 722 / 964 = 0.7489627, se = √(p̃(1 − p̃) / 964) = 0.0139656: 0.75 ± 0.0342087
        assertInterval(calibrated, "segments[commuters].dataSharing", 0.7157913, 0.75, 0.7842087);
        // spend 16 ± √6 · 0.5 = [14.7752551, 17.2247449], times 1.25
        assertInterval(calibrated, "segments[commuters].willingnessToPay", 18.4690689, 20.0, 21.5309311);
        // satisfaction 4.2 ± √6 · 0.1 = [3.9550510, 4.4449490], (s - 1) / 4
        assertInterval(calibrated, "segments[commuters].initialTrust", 0.7387628, 0.8, 0.8612372);
        // P 0.75 ± √6 · 0.0375 = [0.6581441, 0.8418559], churn 1 - P^(1/12): the higher P, the lower the churn
        assertInterval(calibrated, "segments[commuters].baseChurn", 0.0142431, 0.0236884, 0.0342603);
        // q 8 ± √6 = [5.5505103, 10.4494897], spread √(3 / (q - 2))
        assertInterval(calibrated, "segments[commuters].wtpSpread", 0.5958616, 0.7071068, 0.9192111);
        assertThat(calibrated.uncertainty()).hasSize(6).allMatch(u -> u.distribution() == UncertainParameter.Shape.TRIANGULAR);
        assertThat(calibrated.sources()).extracting(Calibration.Source::parameter).hasSize(6);
        assertThat(calibrated.sources().get(0).standardError()).isCloseTo(Math.sqrt(960) / 480, within(1e-6));
    }

    private static void assertInterval(Calibration.Calibrated calibrated, String path, double low, double mode, double high) {
        UncertainParameter u = calibrated.uncertainty().stream().filter(x -> x.parameter().equals(path)).findFirst().orElseThrow();
        assertThat(u.low()).as(path + " low").isCloseTo(low, within(1e-6));
        assertThat(u.mode()).as(path + " mode").isCloseTo(mode, within(1e-6));
        assertThat(u.high()).as(path + " high").isCloseTo(high, within(1e-6));
    }

    @Test
    void intervalsAreClippedToTheValidRangeAndDegenerateOnesLeftOut() {
        // p = 0.98 of 50, se = 0.0198: the upper end 1.0285 is clipped to 1
        var u = Calibration.uncertain("x", 0.98, Math.sqrt(0.98 * 0.02 / 50), v -> v, 0, 1).orElseThrow();
        assertThat(u.high()).isEqualTo(1.0);
        assertThat(u.low()).isCloseTo(0.98 - Math.sqrt(6 * 0.98 * 0.02 / 50), within(1e-12));
        // SE 0 or unknown: no uncertain parameter
        assertThat(Calibration.uncertain("x", 1.0, 0.0, v -> v, 0, 1)).isEmpty();
        assertThat(Calibration.uncertain("x", 0.5, Double.NaN, v -> v, 0, 1)).isEmpty();
        // q far below 2: both ends at the spread's cap, nothing left to draw
        assertThat(Calibration.uncertain("x", 1.5, 0.1, Calibration::spread, 0, 0.99)).isEmpty();
    }

    @Test
    void aShareOfOneKeepsAnUncertaintyThatShrinksWithTheEpisodes() {
        // 63 of 63: p̃ = 65 / 67, se = √(65 · 2 / 67³) = 0.0207902
        assertThat(Calibration.shareSe(63, 63)).isCloseTo(Math.sqrt(65.0 * 2 / (67.0 * 67 * 67)), within(1e-12)).isPositive();
        assertThat(Calibration.shareSe(630, 630)).isLessThan(Calibration.shareSe(63, 63));
        var u = Calibration.uncertain("x", 1.0, Calibration.shareSe(63, 63), v -> Math.max(0, Math.min(1, v)), 0, 1).orElseThrow();
        assertThat(u.mode()).isEqualTo(1.0);
        assertThat(u.high()).isEqualTo(1.0);
        assertThat(u.low()).isCloseTo(1 - Math.sqrt(6) * 0.0207902, within(1e-6));
    }

    @Test
    void theMeanOfCustomersSpendHasCustomersAsItsUnits() {
        // (10, 1), (30, 2), (20, 1): R = 60 / 4 = 15, residuals -5, 0, 5, se = √(3/2 · 50) / 4
        RatioMean spend = new RatioMean(3, 60, 4, 100 + 900 + 400, 10 + 60 + 20, 1 + 4 + 1);
        assertThat(spend.mean()).isEqualTo(15.0);
        assertThat(spend.standardError()).isCloseTo(2.1650635, within(1e-6));
        assertThat(new RatioMean(1, 10, 1, 100, 10, 1).standardError()).isNaN();
    }

    @Test
    void withoutAValuationNothingIsUncertainButTheCountsAre() {
        var calibrated = Calibration.calibrate(new CalibrationData("f", Map.of(), List.of(
                new CalibrationData.SegmentData("s", 10, 100, 50, 0, 10.0, Double.NaN, Double.NaN))));
        assertThat(calibrated.uncertainty()).extracting(UncertainParameter::parameter)
                .containsExactly("segments[s].episodeRate", "segments[s].dataSharing");
        assertThat(calibrated.parameters().segments().get(0).wtpSpread()).isEqualTo(Segment.defaults("s").wtpSpread());
    }

    @Test
    void aSegmentWithoutRequestsRequestsNothingWhenOthersDo() {
        var calibrated = Calibration.calibrate(new CalibrationData("f", Map.of(), List.of(
                new CalibrationData.SegmentData("active", 10, 100, 50, 0, 10.0, Double.NaN, Double.NaN),
                new CalibrationData.SegmentData("dormant", 20, 0, 0, 0, 5.0, Double.NaN, Double.NaN))));
        assertThat(calibrated.parameters().segments().get(1).episodeRate()).isEqualTo(0.0);
        UncertainParameter rate = calibrated.uncertainty().stream()
                .filter(u -> u.parameter().equals("segments[dormant].episodeRate")).findFirst().orElseThrow();
        // mode at 0, clipped below at 0, and up to sqrt(6) requests' worth: one request among 20 customers in 5 months
        assertThat(rate.low()).isEqualTo(0.0);
        assertThat(rate.mode()).isEqualTo(0.0);
        assertThat(rate.high()).isCloseTo(Math.sqrt(6) / 20 / 5, within(1e-12));
        assertThat(calibrated.sources()).anySatisfy(src -> assertThat(src.basis()).contains("no request episode from 20 customers"));

        // A firm whose data holds no request at all keeps the engine's default for every segment.
        var none = Calibration.calibrate(new CalibrationData("f", Map.of(), List.of(
                new CalibrationData.SegmentData("a", 10, 0, 0, 0, 10.0, Double.NaN, Double.NaN),
                new CalibrationData.SegmentData("b", 20, 0, 0, 0, 5.0, Double.NaN, Double.NaN))));
        assertThat(none.parameters().segments()).allSatisfy(seg -> assertThat(seg.episodeRate()).isEqualTo(Segment.defaults("x").episodeRate()));
        assertThat(none.uncertainty()).extracting(UncertainParameter::parameter).noneMatch(p -> p.endsWith("episodeRate"));
    }

    private static CalibrationData.RevenueModelData model(String id, String kind, String payer, String unit, double price) {
        return new CalibrationData.RevenueModelData(id, id, kind, payer, unit, price, null);
    }

    @Test
    void theFirmsRevenueModelsBillItsCurrentStrategy() {
        // dues + sessions: a two-part tariff; a subscription per year counts a twelfth per month
        var equinox = FirmBilling.of(List.of(model("b-training", "pay_per_use", "customer", "session", 120),
                model("a-dues", "subscription", "customer", "month", 220)), 42.14).orElseThrow();
        assertEquals(new BillingModel.Subscription(220, 120), equinox.billing());
        assertTrue(equinox.basis().contains("a-dues (subscription 220.00 per month) + b-training (pay_per_use 120.00 per session)"), equinox.basis());
        assertEquals(new BillingModel.Subscription(10, 0), FirmBilling.of(List.of(model("y", "subscription", null, "year", 120)), 5).orElseThrow().billing());
        // with a subscription, a device purchase is one-off and said to be left out
        var peloton = FirmBilling.of(List.of(model("bike", "flat_price", "customer", "bike", 2245), model("membership", "subscription", "customer", "month", 39)), 9)
                .orElseThrow();
        assertEquals(new BillingModel.Subscription(39, 0), peloton.billing());
        assertTrue(peloton.basis().endsWith("not simulated: bike"), peloton.basis());
        // without one: pay per use, then personalised, then flat, then a commission on today's price
        assertEquals(new BillingModel.PayPerUse(0.41), FirmBilling.of(List.of(model("m", "pay_per_use", "customer", "minute", 0.41)), 9).orElseThrow().billing());
        assertEquals(new BillingModel.FlatPrice(4), FirmBilling.of(List.of(model("r", "flat_price", "customer", "ride", 4)), 9).orElseThrow().billing());
        assertEquals(new BillingModel.Commission(20, 0.225), FirmBilling.of(List.of(model("c", "commission", "actor", "ride", 4.5)), 20).orElseThrow().billing());
        var personalised = (BillingModel.PersonalisedPricing) FirmBilling.of(List.of(new CalibrationData.RevenueModelData("p", "p",
                "personalised_pricing", "customer", "ride", 34, "loyalty")), 9).orElseThrow().billing();
        assertEquals(34, personalised.basePrice());
        assertEquals(org.cstrat.framework.PricingIndicator.LOYALTY, personalised.indicator());
        // only actor-paid third-party models, or none: the architecture's billing stays
        assertTrue(FirmBilling.of(List.of(model("t", "third_party_pays", "actor", "challenge", 50000)), 9).isEmpty());
        assertTrue(FirmBilling.of(List.of(), 9).isEmpty());
    }
}
