package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;
import org.junit.jupiter.api.Test;

/** A scenario that names a firm runs on the calibration's parameters and uncertainty; the file has the last word. */
class ScenariosTest {

    static final CalibrationData DATA = new CalibrationData("f", Map.of(), List.of(
            new CalibrationData.SegmentData("commuters", 40, 960, 720, 0, 12.0, 16.0, 4.2, Double.NaN, 0.5, 0.1, List.of())));

    static Scenario resolve(String json) {
        Scenarios scenarios = new Scenarios();
        return scenarios.resolve(scenarios.parse(json, "t.json"), "t.json", Optional.of(id -> Optional.of(DATA)));
    }

    @Test
    void theCalibratedUncertaintyComesWithTheFirmsParameters() {
        Scenario s = resolve("""
                {"name": "t", "firm": "f", "strategies": [{"name": "s", "experience": "curated_offering", "personalisationLevel": 2,
                 "billing": {"model": "flat_price", "price": 12}}]}
                """);
        assertThat(s.uncertainty()).isEqualTo(Calibration.calibrate(DATA).uncertainty());
        assertThat(s.uncertainty()).extracting(UncertainParameter::parameter).containsExactly(
                "segments[commuters].episodeRate", "segments[commuters].willingnessToPay",
                "segments[commuters].dataSharing", "segments[commuters].initialTrust");
    }

    @Test
    void aValueOrADrawInTheFileReplacesTheCalibratedDraw() {
        Scenario s = resolve("""
                {"name": "t", "firm": "f",
                 "parameters": {"segments": [{"name": "commuters", "willingnessToPay": 30}]},
                 "strategies": [{"name": "s", "experience": "curated_offering", "personalisationLevel": 2,
                 "billing": {"model": "flat_price", "price": 12}}],
                 "uncertainty": [{"parameter": "segments[commuters].episodeRate", "distribution": "uniform", "low": 1, "high": 3}]}
                """);
        assertThat(s.uncertainty()).extracting(UncertainParameter::parameter).containsExactly(
                "segments[commuters].dataSharing", "segments[commuters].initialTrust", "segments[commuters].episodeRate");
        assertThat(s.uncertainty().get(2).distribution()).isEqualTo(UncertainParameter.Shape.UNIFORM);
        assertThat(s.parameters().segments().get(0).willingnessToPay()).isEqualTo(30.0);
    }
}
