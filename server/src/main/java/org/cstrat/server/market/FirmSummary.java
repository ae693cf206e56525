package org.cstrat.server.market;

import java.util.Objects;

/** What a matrix cell shows of a firm: its name, parent company and whether it is still active. */
public record FirmSummary(String id, String name, String parentId, String parentName, String status) {
    public FirmSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        parentId = parentId == null ? "" : parentId;
        parentName = parentName == null ? "" : parentName;
        status = status == null ? "active" : status;
    }

    public boolean failed() {
        return "failed".equals(status);
    }
}
