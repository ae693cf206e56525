package org.cstrat.server.placement;

import java.util.List;
import java.util.Objects;

/**
 * One capability a matrix row or column needs, whether the firm has it, and the graph elements that
 * show it (or, when missing, what to add).
 *
 * @param essential essential requirements decide the inferred placement; the others are advice for a move
 */
public record Requirement(String capability, boolean met, boolean essential, List<Evidence> evidence, String howToAdd) {
    public Requirement {
        Objects.requireNonNull(capability, "capability");
        evidence = List.copyOf(evidence);
        howToAdd = howToAdd == null ? "" : howToAdd;
    }
}
