package org.cstrat.server.market;

import java.util.List;
import java.util.Objects;

/** What a matrix cell shows of a firm: its name, parent company, type and whether it is still active. */
public record FirmSummary(String id, String name, String parentId, String parentName, String status, String type) {

    /** Chip colours by parent company: distinct, readable with dark text. */
    static final List<String> PALETTE = List.of("#cfe3ff", "#ffe0b8", "#d5f0d0", "#f7d4e8", "#e4dcff", "#fff2a8",
            "#c9f1ee", "#ffd6cc", "#e0e7c8", "#d9e2ec", "#f3d9b1", "#d0e8f2");

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

    /** A stable colour for the parent company, so sister firms share it. */
    public String parentColour() {
        return PALETTE.get(parentColourIndex());
    }

    /**
     * The CSS class of {@link #parentColour()} ({@code pc-0} … in {@code workbench.css}): pages carry no inline
     * {@code style} attributes, which the Content-Security-Policy refuses.
     */
    public String parentColourClass() {
        return "pc-" + parentColourIndex();
    }

    private int parentColourIndex() {
        String key = parentId.isEmpty() ? id : parentId;
        return Math.floorMod(key.hashCode(), PALETTE.size());
    }
}
