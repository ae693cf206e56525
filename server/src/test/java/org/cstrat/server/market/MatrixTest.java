package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.placement.Placement;
import org.junit.jupiter.api.Test;

class MatrixTest {

    static final Market MARKET = new Market("m", "Market", "", "", 2019, 2);
    static final FirmSummary HERTZ = new FirmSummary("hertz", "Hertz", "h", "Hertz Global", "active", "incumbent");
    static final FirmSummary ZIPCAR = new FirmSummary("zipcar", "Zipcar", "a", "Avis", "active", "new_entrant");

    static Placement placement(String firm, String offering, Experience e, Architecture a) {
        return new Placement(firm, offering, offering, e, a, Placement.Basis.INFERRED, Placement.Basis.INFERRED, List.of(), List.of());
    }

    @Test
    void everyCellIsPresentAndAFirmAppearsOncePerCell() {
        Matrix matrix = Matrix.of(MARKET, List.of(HERTZ, ZIPCAR), List.of(
                placement("hertz", "o1", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER),
                placement("hertz", "o2", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER),
                placement("hertz", "o3", Experience.CURATED_OFFERING, Architecture.CONNECTED_RETAILER),
                placement("zipcar", "o4", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER)), List.of());
        assertThat(matrix.cells()).hasSize(20);
        assertThat(matrix.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER).firms())
                .extracting(FirmSummary::id).containsExactly("hertz", "zipcar");
        assertThat(matrix.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER).chips().get(0).placements()).hasSize(2);
        assertThat(matrix.cell(Experience.CURATED_OFFERING, Architecture.CONNECTED_RETAILER).firms()).containsExactly(HERTZ);
        assertThat(matrix.firmsInColumn(Architecture.CONNECTED_RETAILER)).isEqualTo(2);
        assertThat(matrix.firmsInRow(Experience.RESPOND_TO_DESIRE)).isEqualTo(2);
        assertThat(matrix.emptyCells()).isEqualTo(18);
        assertThat(matrix.firmTypes()).containsExactly("incumbent", "new_entrant");
    }

    @Test
    void cellLookupMatchesCoordinates() {
        Matrix matrix = Matrix.of(MARKET, List.of(), List.of(), List.of());
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                assertThat(matrix.cell(e, a).experience()).isEqualTo(e);
                assertThat(matrix.cell(e, a).architecture()).isEqualTo(a);
            }
        }
    }

    @Test
    void whiteSpaceListsEmptyCellsWithQuestionsAndThinRows() {
        Matrix matrix = Matrix.of(MARKET, List.of(HERTZ, ZIPCAR), List.of(
                placement("hertz", "o1", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER),
                placement("zipcar", "o4", Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER),
                placement("zipcar", "o5", Experience.COACH_BEHAVIOR, Architecture.CONNECTED_RETAILER)), List.of());
        WhiteSpace ws = WhiteSpace.of(matrix);
        assertThat(ws.emptyCells()).hasSize(18);
        WhiteSpace.EmptyCell auto = ws.emptyCells().stream()
                .filter(c -> c.experience().equals("automatic_execution") && c.architecture().equals("peer_to_peer")).findFirst().orElseThrow();
        assertThat(auto.questions()).hasSize(3);
        assertThat(auto.questions().get(0)).startsWith("Which customers would want");
        assertThat(auto.questions().get(1)).contains("What data and technology");
        assertThat(auto.questions().get(2)).startsWith("Who would pay?");
        assertThat(ws.thinRows()).extracting(WhiteSpace.Line::id)
                .containsExactly("curated_offering", "coach_behavior", "automatic_execution");
        assertThat(ws.thinRow(Experience.RESPOND_TO_DESIRE)).isFalse();
        assertThat(ws.questionsFor(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_RETAILER)).isEmpty();
    }

    @Test
    void exportsEscapeNamesAndDefuseFormulas() {
        FirmSummary evil = new FirmSummary("evil", "<script>alert(1)</script>", "", "=HYPERLINK(\"x\")", "active", "");
        Matrix matrix = Matrix.of(MARKET, List.of(evil), List.of(
                placement("evil", "o", Experience.CURATED_OFFERING, Architecture.MARKET_MAKER)), List.of());
        String svg = MatrixExport.svg(matrix);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        String csv = MatrixExport.csv(matrix);
        assertThat(csv).startsWith(MatrixExport.CSV_HEADER).contains("'=HYPERLINK").contains("curated_offering,market_maker,1,evil");
        assertThat(csv.lines().count()).isEqualTo(1 + 20);
    }
}
