package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.core.UnprocessableException;
import org.junit.jupiter.api.Test;

class CalibrationServiceTest {

    @Test
    void aFirmWithoutCustomersIsToldToImportThemFirst() {
        var empty = new CalibrationData("newco", Map.of(), List.of(
                new CalibrationData.SegmentData("all", 0, 0, 0, 0, 1, Double.NaN, Double.NaN)));
        assertThatThrownBy(() -> new CalibrationService(id -> Optional.of(empty), null).scenario("newco"))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("no customer data")
                .hasMessageContaining("./cstrat import --firm newco");
    }
}
