package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.placement.Placement;
import org.junit.jupiter.api.Test;

/**
 * Parent-company colours: one palette (FirmSummary.PALETTE) that the stylesheet's {@code pc-N} classes and the SVG
 * export agree with, whose colours are far apart (CIE76 ΔE) and readable under the ink, assigned so that the parents
 * of one market never share a look until there are more than twenty of them.
 */
class PaletteTest {

    static final String INK = "#1d2330";

    static String stylesheet() throws IOException {
        try (InputStream in = PaletteTest.class.getClassLoader().getResourceAsStream("web/static/css/workbench.css")) {
            assertThat(in).as("workbench.css on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theStylesheetsClassesAreThePalette() throws IOException {
        Map<Integer, String> classes = new LinkedHashMap<>();
        Map<Integer, Boolean> striped = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\.pc-(\\d+) \\{ --pc: (#[0-9a-f]{6});( --pc-pattern: [^;]+;)? }").matcher(stylesheet());
        while (m.find()) {
            classes.put(Integer.parseInt(m.group(1)), m.group(2));
            striped.put(Integer.parseInt(m.group(1)), m.group(3) != null);
        }
        assertThat(classes).hasSize(FirmSummary.DISTINCT_LOOKS);
        for (int i = 0; i < FirmSummary.DISTINCT_LOOKS; i++) {
            assertThat(classes.get(i)).as("pc-%d", i).isEqualTo(FirmSummary.parentColour(i));
            assertThat(striped.get(i)).as("pc-%d striped", i).isEqualTo(FirmSummary.parentStriped(i));
            assertThat(FirmSummary.parentColourClass(i)).isEqualTo("pc-" + i);
        }
    }

    @Test
    void thePalettesColoursAreFarApartAndReadableUnderTheInk() {
        List<String> palette = FirmSummary.PALETTE;
        double closest = Double.MAX_VALUE;
        for (int i = 0; i < palette.size(); i++) {
            for (int j = i + 1; j < palette.size(); j++) {
                closest = Math.min(closest, deltaE(palette.get(i), palette.get(j)));
            }
            assertThat(contrast(palette.get(i), INK)).as("contrast of the ink on %s", palette.get(i)).isGreaterThanOrEqualTo(4.5);
        }
        // The pastel palette before this one had two colours 3.4 apart (#ffe0b8, #f3d9b1): too close to tell apart.
        assertThat(closest).as("smallest CIE76 ΔE between two palette colours").isGreaterThan(15);
    }

    @Test
    void parentsOfAMarketNeverShareALookAndTheExportDrawsTheSame() {
        List<FirmSummary> firms = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "f" + i;
            firms.add(new FirmSummary(id, "Firm " + i, "p" + i, String.format("Parent %02d", i), "active", ""));
            placements.add(new Placement(id, "o" + i, "Offering", Experience.values()[i % Experience.values().length], Architecture.values()[i % 5 == 0 ? 0 : 1],
                    Placement.Basis.INFERRED, Placement.Basis.INFERRED, List.of(), List.of()));
        }
        FirmSummary sister = new FirmSummary("sister", "Sister of 3", "p3", "Parent 03", "active", "");
        firms.add(sister);
        Matrix matrix = Matrix.of(new Market("m", "Market", "", "", 2019, 2), firms, placements, List.of());

        List<String> looks = matrix.parents().stream().map(matrix::parentColourClass).toList();
        assertThat(looks).hasSize(12).doesNotHaveDuplicates();
        assertThat(looks.get(0)).isEqualTo("pc-0");
        assertThat(looks.get(10)).isEqualTo("pc-10");
        assertThat(matrix.parentColourClass(sister)).isEqualTo(matrix.parentColourClass(firms.get(3)));
        // neighbours in the legend get different colours, not only different classes
        for (int i = 0; i + 1 < 10; i++) {
            assertThat(matrix.parentColour(matrix.parents().get(i))).isNotEqualTo(matrix.parentColour(matrix.parents().get(i + 1)));
        }

        String svg = MatrixExport.svg(matrix);
        for (FirmSummary f : firms.subList(0, 12)) {
            assertThat(svg).contains("fill=\"" + matrix.parentColour(f) + "\"");
        }
        assertThat(svg).contains("<pattern id=\"stripes\"");
        assertThat(Pattern.compile("class=\"stripes\"").matcher(svg).results().count()).as("striped chips: parents 11 and 12").isEqualTo(2);
    }

    static double[] lab(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        java.util.function.DoubleUnaryOperator f = t -> t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
        return new double[] {116 * f.applyAsDouble(y) - 16, 500 * (f.applyAsDouble(x) - f.applyAsDouble(y)), 200 * (f.applyAsDouble(y) - f.applyAsDouble(z))};
    }

    static double deltaE(String a, String b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    static double luminance(String hex) {
        double[] w = {0.2126, 0.7152, 0.0722};
        double l = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += w[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    static double contrast(String a, String b) {
        double x = luminance(a), y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }
}
