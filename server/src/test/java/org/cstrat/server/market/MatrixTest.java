package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.junit.jupiter.api.Test;

class MatrixTest {

    static final Market MARKET = new Market("m", "Market", "", "", 2);
    static final FirmSummary HERTZ = new FirmSummary("hertz", "Hertz", "h", "Hertz Global", "active");
    static final FirmSummary ZIPCAR = new FirmSummary("zipcar", "Zipcar", "a", "Avis", "active");

    @Test
    void everyCellIsPresentAndAFirmAppearsOncePerCell() {
        Matrix matrix = Matrix.of(MARKET, List.of(
                new Placement(HERTZ, "o1", "Rental", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER, "declared"),
                new Placement(HERTZ, "o2", "Rental 2", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER, "declared"),
                new Placement(HERTZ, "o3", "Gold", Experience.CURATED_OFFERING, Architecture.CONNECTED_RETAILER, "declared"),
                new Placement(ZIPCAR, "o4", "Membership", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER, "declared")));
        assertThat(matrix.cells()).hasSize(20);
        assertThat(matrix.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER).firms())
                .extracting(FirmSummary::id).containsExactly("hertz", "zipcar");
        assertThat(matrix.cell(Experience.CURATED_OFFERING, Architecture.CONNECTED_RETAILER).firms()).containsExactly(HERTZ);
        assertThat(matrix.firmsInColumn(Architecture.CONNECTED_RETAILER)).isEqualTo(2);
        assertThat(matrix.firmsInRow(Experience.RESPOND_TO_DESIRE)).isEqualTo(2);
        assertThat(matrix.cells().stream().filter(Matrix.Cell::isEmpty).count()).isEqualTo(18);
    }

    @Test
    void cellLookupMatchesCoordinates() {
        Matrix matrix = Matrix.of(MARKET, List.of());
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                assertThat(matrix.cell(e, a).experience()).isEqualTo(e);
                assertThat(matrix.cell(e, a).architecture()).isEqualTo(a);
            }
        }
    }
}
