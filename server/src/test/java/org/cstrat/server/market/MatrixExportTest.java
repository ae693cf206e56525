package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.view.SvgText;
import org.cstrat.server.placement.Placement;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The SVG export is a picture a person reads: chip names fit their chips and a conflict keeps its "!". */
class MatrixExportTest {

    static final Market MARKET = new Market("m", "Market", "", "", 2019, 2);

    record DrawnChip(double width, String text) {
    }

    /** Every chip of the SVG: its rectangle's width and the text drawn on it (the text element after the chip's rectangle). */
    static List<DrawnChip> chips(String svg) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList rects = doc.getElementsByTagName("rect");
        List<DrawnChip> out = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (!"11".equals(rect.getAttribute("rx"))) {
                continue;
            }
            Node next = rect.getNextSibling();
            while (next != null && !(next instanceof Element)) {
                next = next.getNextSibling();
            }
            assertThat(next).isNotNull();
            Element text = (Element) next;
            assertThat(text.getTagName()).isEqualTo("text");
            double textX = Double.parseDouble(text.getAttribute("x"));
            double rectX = Double.parseDouble(rect.getAttribute("x"));
            double width = Double.parseDouble(rect.getAttribute("width"));
            out.add(new DrawnChip(width - (textX - rectX) - 4, text.getTextContent()));
        }
        return out;
    }

    static Placement placement(String firm, Experience e, Architecture a, Placement.Basis basis, List<String> conflicts) {
        return new Placement(firm, firm + "-offering", "Offering", e, a, basis, basis, List.of(), conflicts);
    }

    @Test
    void aConflictKeepsItsMarkAndLongNamesAreCutToFitTheirChip() throws Exception {
        FirmSummary longConflict = new FirmSummary("long", "Connected Diabetes Management Holdings International", "p1", "Parent One", "active", "incumbent");
        FirmSummary shortConflict = new FirmSummary("proteus", "Proteus", "p2", "Parent Two", "active", "incumbent");
        FirmSummary declared = new FirmSummary("declared", "A Rather Long Declared Firm Name Indeed", "p3", "Parent Three", "active", "incumbent");
        FirmSummary wide = new FirmSummary("wide", "WWWWWWWWWWWWWWWWWWWWWWWW", "p4", "Parent Four", "active", "incumbent");
        Matrix matrix = Matrix.of(MARKET, List.of(longConflict, shortConflict, declared, wide), List.of(
                placement("long", Experience.AUTOMATIC_EXECUTION, Architecture.CONNECTED_PRODUCER, Placement.Basis.DECLARED, List.of("Declared automatic execution, evidence says coach behavior")),
                placement("proteus", Experience.AUTOMATIC_EXECUTION, Architecture.CONNECTED_PRODUCER, Placement.Basis.DECLARED, List.of("conflict")),
                placement("declared", Experience.COACH_BEHAVIOR, Architecture.MARKET_MAKER, Placement.Basis.DECLARED, List.of()),
                placement("wide", Experience.COACH_BEHAVIOR, Architecture.MARKET_MAKER, Placement.Basis.INFERRED, List.of())), List.of());

        List<DrawnChip> chips = chips(MatrixExport.svg(matrix));

        assertThat(chips).hasSize(4);
        assertThat(chips).anySatisfy(c -> assertThat(c.text()).isEqualTo("Proteus !"));
        assertThat(chips).anySatisfy(c -> assertThat(c.text()).startsWith("Connected Diab").endsWith("… !"));
        assertThat(chips).anySatisfy(c -> assertThat(c.text()).startsWith("A Rather Long").endsWith("… *"));
        assertThat(chips).anySatisfy(c -> assertThat(c.text()).startsWith("WWW").endsWith("…"));
        for (DrawnChip chip : chips) {
            assertThat(SvgText.estimatedWidth(chip.text(), MatrixExport.FONT_SIZE)).as(chip.text()).isLessThanOrEqualTo(chip.width());
        }
        assertThat(MatrixExport.svg(matrix)).contains("! declaration conflicts with evidence");
    }

    @Test
    void theWidthEstimateIsNeverBelowDejaVuSansOwnWidths() {
        // DejaVu Sans widths at 12 px (java.awt getStringBounds on DejaVuSans.ttf): "Proteus" 45.5, "WWWW" 47.5,
        // "mmmm" 46.8, "iiii" 13.3, "Connected Diabetes" 121.7, "0123456789" 76.3.
        assertThat(SvgText.estimatedWidth("Proteus", 12)).isGreaterThanOrEqualTo(45.5);
        assertThat(SvgText.estimatedWidth("WWWW", 12)).isGreaterThanOrEqualTo(47.5);
        assertThat(SvgText.estimatedWidth("mmmm", 12)).isGreaterThanOrEqualTo(46.8);
        assertThat(SvgText.estimatedWidth("iiii", 12)).isGreaterThanOrEqualTo(13.3);
        assertThat(SvgText.estimatedWidth("Connected Diabetes", 12)).isGreaterThanOrEqualTo(121.7);
        assertThat(SvgText.estimatedWidth("0123456789", 12)).isGreaterThanOrEqualTo(76.3);
        assertThat(SvgText.fit("Proteus", 1000, 12)).isEqualTo("Proteus");
        assertThat(SvgText.fit("Proteus Digital Health", 60, 12)).endsWith("…");
        assertThat(SvgText.estimatedWidth(SvgText.fit("Proteus Digital Health", 60, 12), 12)).isLessThanOrEqualTo(60);
    }
}
