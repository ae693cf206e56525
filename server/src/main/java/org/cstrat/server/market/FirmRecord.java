package org.cstrat.server.market;

import java.util.Objects;

import org.cstrat.server.placement.FirmEvidence;

/** A firm as stored: what the pages show of it, and the evidence its placement is computed from. */
public record FirmRecord(FirmSummary summary, String marketId, String marketName, String description, Integer founded,
                         String source, FirmEvidence evidence) {
    public FirmRecord {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
        marketId = marketId == null ? "" : marketId;
        marketName = marketName == null ? marketId : marketName;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }

    public String id() {
        return summary.id();
    }
}
