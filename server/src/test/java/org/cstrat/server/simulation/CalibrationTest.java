package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.cstrat.framework.StarStage;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Segment;
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
    void aFirmWithoutCustomersKeepsTheDefaultSegment() {
        ModelParameters p = Calibration.parameters(new CalibrationData("f", Map.of(), List.of()));
        assertThat(p.segments()).isEqualTo(ModelParameters.defaults().segments());
    }
}
