package org.cstrat.server.market;

import static org.cstrat.server.view.SvgText.esc;
import static org.cstrat.server.view.SvgText.estimatedWidth;
import static org.cstrat.server.view.SvgText.fit;

import java.util.List;
import java.util.Locale;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.sim.report.Csv;

/** The matrix as a file: CSV (one line per firm in a cell, one per empty cell) and a stand-alone SVG picture. */
public final class MatrixExport {

    static final String CSV_HEADER = "experience,architecture,cell_count,firm_id,firm_name,parent_company,firm_type,status,offerings,basis";

    private MatrixExport() {
    }

    public static String csv(Matrix matrix) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Matrix.Cell cell : matrix.cells()) {
            if (cell.isEmpty()) {
                out.append(String.join(",", cell.experience().id(), cell.architecture().id(), "0", "", "", "", "", "", "", "white_space")).append("\r\n");
            }
            for (Matrix.Chip chip : cell.chips()) {
                FirmSummary f = chip.firm();
                String basis = chip.conflict() ? "declared_conflict" : chip.declared() ? "declared" : "inferred";
                out.append(String.join(",", cell.experience().id(), cell.architecture().id(), String.valueOf(cell.count()),
                        Csv.spreadsheetField(f.id()), Csv.spreadsheetField(f.name()), Csv.spreadsheetField(f.parentName()), Csv.spreadsheetField(f.type()), Csv.spreadsheetField(f.status()),
                        Csv.spreadsheetField(chip.offerings()), basis)).append("\r\n");
            }
        }
        return out.toString();
    }

    private static final int LABEL_W = 170;
    private static final int HEAD_H = 56;
    private static final int CELL_W = 200;
    private static final int CHIP_H = 22;
    /** A chip is CELL_W - 40 wide with its text 10 px from its left edge: the room for a name and its mark. */
    static final int CHIP_TEXT_W = CELL_W - 40 - 10 - 8;
    static final int FONT_SIZE = 12;

    /** A stand-alone SVG of the matrix: the grid, counts, chips coloured by parent company, white space hatched. */
    public static String svg(Matrix matrix) {
        int[] rowHeights = new int[Experience.values().length];
        for (Experience e : Experience.values()) {
            int max = 1;
            for (Architecture a : Architecture.values()) {
                max = Math.max(max, matrix.cell(e, a).count());
            }
            rowHeights[e.ordinal()] = Math.max(96, 34 + max * (CHIP_H + 4));
        }
        int width = LABEL_W + Architecture.values().length * CELL_W + 20;
        int height = HEAD_H + 40 + java.util.Arrays.stream(rowHeights).sum() + 40;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"8\" height=\"8\" fill=\"#fbfaf3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#efe9cf\" stroke-width=\"3\"/></pattern>")
                .append("<pattern id=\"stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(135)\">")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1d2330\" stroke-opacity=\"0.18\" stroke-width=\"2\"/></pattern></defs>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append(text(10, 26, esc(matrix.market().name()) + " · connected-strategy matrix", "font-size=\"18\" font-weight=\"600\" fill=\"#1d2330\""));
        int y0 = HEAD_H;
        for (Architecture a : Architecture.values()) {
            int x = LABEL_W + a.ordinal() * CELL_W;
            s.append(rect(x + 2, y0, CELL_W - 4, 34, "#e9edf3", null));
            s.append(text(x + 10, y0 + 21, esc(a.label()) + " (" + matrix.firmsInColumn(a) + ")", "font-weight=\"600\" fill=\"#1d2330\""));
        }
        int y = y0 + 40;
        for (Experience e : Experience.values()) {
            int h = rowHeights[e.ordinal()];
            s.append(rect(2, y, LABEL_W - 6, h - 4, "#e9edf3", null));
            s.append(text(10, y + 20, esc(e.label()), "font-weight=\"600\" fill=\"#1d2330\""));
            s.append(text(10, y + 38, matrix.firmsInRow(e) + " firms", "fill=\"#5d6676\""));
            for (Architecture a : Architecture.values()) {
                Matrix.Cell cell = matrix.cell(e, a);
                int x = LABEL_W + a.ordinal() * CELL_W;
                if (cell.isEmpty()) {
                    s.append(rect(x + 2, y, CELL_W - 4, h - 4, "url(#hatch)", "stroke=\"#c9c3a3\" stroke-dasharray=\"5 4\""));
                    s.append(text(x + 10, y + 20, "white space", "fill=\"#8a8468\" font-style=\"italic\""));
                } else {
                    s.append(rect(x + 2, y, CELL_W - 4, h - 4, "#ffffff", "stroke=\"#d7dce4\""));
                    s.append(text(x + CELL_W - 24, y + 16, String.valueOf(cell.count()), "fill=\"#5d6676\" font-size=\"11\""));
                    int cy = y + 24;
                    for (Matrix.Chip chip : cell.chips()) {
                        String fill = matrix.parentColour(chip.firm());
                        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"11\" fill=\"%s\" stroke=\"%s\"/>\n",
                                x + 8, cy, CELL_W - 40, CHIP_H, fill, chip.conflict() ? "#b3541e" : "#9aa8bd"));
                        if (matrix.parentStriped(chip.firm())) { // the palette's second round: the same colours, striped
                            s.append(String.format(Locale.ROOT, "<rect class=\"stripes\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"11\" fill=\"url(#stripes)\"/>\n",
                                    x + 8, cy, CELL_W - 40, CHIP_H));
                        }
                        // The mark stays whatever the name's length: "!" a declaration the evidence contradicts, "*" declared.
                        String mark = chip.conflict() ? " !" : chip.declared() ? " *" : "";
                        String label = esc(fit(chip.firm().name(), CHIP_TEXT_W - estimatedWidth(mark, FONT_SIZE), FONT_SIZE)) + mark;
                        s.append(text(x + 18, cy + 15, label, chip.firm().failed()
                                ? "fill=\"#9a3b3b\" text-decoration=\"line-through\"" : "fill=\"#1d2330\""));
                        cy += CHIP_H + 4;
                    }
                }
            }
            y += h;
        }
        s.append(text(10, y + 22, "Chips coloured by parent company; * declared placement; ! declaration conflicts with evidence; hatched cells are white space.", "fill=\"#5d6676\""));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String rect(int x, int y, int w, int h, String fill, String extra) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\"%s/>\n",
                x, y, w, h, fill, extra == null ? "" : " " + extra);
    }

    private static String text(int x, int y, String escaped, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>\n", x, y, attributes, escaped);
    }

    static List<String> header() {
        return List.of(CSV_HEADER.split(","));
    }
}
