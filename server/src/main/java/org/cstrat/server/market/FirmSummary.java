package org.cstrat.server.market;

import java.util.List;
import java.util.Objects;

/** What a matrix cell shows of a firm: its name, parent company, type and whether it is still active. */
public record FirmSummary(String id, String name, String parentId, String parentName, String status, String type) {

    /**
     * Chip colours by parent company: the light half of Tableau 20 (the Tableau 10 hues, lightened by their designers
     * so dark text stays readable on them), a categorical palette made for telling neighbours apart. A market's
     * parents take them in the order of its legend ({@link Matrix#parentColourIndex}); past the tenth, the colours
     * come round again with stripes ({@code pc-10} … {@code pc-19} in {@code workbench.css}, the same in the SVG
     * export), and past the twentieth the legend and each chip's tooltip name the parent. {@code workbench.css} holds
     * the same colours as the classes {@code pc-N} (no inline style under the CSP); a test keeps the two equal.
     */
    public static final List<String> PALETTE = List.of("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
            "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5");

    /** How many parents get a look of their own: each colour plain, then striped. */
    public static final int DISTINCT_LOOKS = 2 * PALETTE.size();

    public FirmSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        parentId = parentId == null ? "" : parentId;
        parentName = parentName == null ? "" : parentName;
        status = status == null ? "active" : status;
        type = type == null ? "" : type;
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    /** The key sister firms share: the parent company, or the firm itself when it has none. */
    public String parentKey() {
        return parentId.isEmpty() ? id : parentId;
    }

    /** The chip colour of the {@code index}-th parent of a market (the palette comes round past its end). */
    public static String parentColour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /**
     * The CSS class of the {@code index}-th parent's look ({@code pc-0} … {@code pc-19} in {@code workbench.css}):
     * pages carry no inline {@code style} attributes, which the Content-Security-Policy refuses.
     */
    public static String parentColourClass(int index) {
        return "pc-" + Math.floorMod(index, DISTINCT_LOOKS);
    }

    /** Whether the {@code index}-th parent's chips are striped (the second round of the palette). */
    public static boolean parentStriped(int index) {
        return Math.floorMod(index, DISTINCT_LOOKS) >= PALETTE.size();
    }
}
