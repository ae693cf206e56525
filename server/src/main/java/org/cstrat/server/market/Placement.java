package org.cstrat.server.market;

import java.util.Objects;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/** One offering of a firm placed in one cell of the connected-strategy matrix. */
public record Placement(FirmSummary firm, String offeringId, String offeringName,
                        Experience experience, Architecture architecture, String source) {
    public Placement {
        Objects.requireNonNull(firm, "firm");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(experience, "experience");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(source, "source");
        offeringName = offeringName == null ? offeringId : offeringName;
    }
}
