package org.cstrat.server.placement;

import java.util.List;
import java.util.Objects;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * One offering of a firm in one cell of the matrix, with the evidence behind it.
 *
 * @param experienceBasis   whether the row was inferred from evidence or declared
 * @param architectureBasis whether the column was inferred from evidence or declared
 * @param conflicts         where a declaration and the evidence disagree, one sentence each; empty when they agree
 */
public record Placement(String firmId, String offeringId, String offeringName, Experience experience, Architecture architecture,
                        Basis experienceBasis, Basis architectureBasis, List<Evidence> evidence, List<String> conflicts) {

    /** Where a coordinate of a placement comes from. */
    public enum Basis { INFERRED, DECLARED }

    public Placement {
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(experience, "experience");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(experienceBasis, "experienceBasis");
        Objects.requireNonNull(architectureBasis, "architectureBasis");
        offeringName = offeringName == null ? offeringId : offeringName;
        evidence = List.copyOf(evidence);
        conflicts = List.copyOf(conflicts);
    }

    public boolean declared() {
        return experienceBasis == Basis.DECLARED || architectureBasis == Basis.DECLARED;
    }

    public boolean inConflict() {
        return !conflicts.isEmpty();
    }

    /** {@code inferred}, {@code declared} or {@code declared, conflicts with evidence}. */
    public String basis() {
        return !declared() ? "inferred" : inConflict() ? "declared, conflicts with evidence" : "declared";
    }
}
