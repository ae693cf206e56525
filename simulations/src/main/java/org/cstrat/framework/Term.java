package org.cstrat.framework;

/**
 * A term of the framework as the workbench names and explains it: a stable id (the graph, the API and scenario files,
 * lower_snake_case), a label for people and a one-line description. Checked once here for every enum that is one
 * ({@link FrameworkTerm}).
 */
public record Term(String id, String label, String description) {

    public Term {
        if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("term id must be lower_snake_case, got '" + id + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("term '" + id + "': the label is blank");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("term '" + id + "': the description is blank");
        }
    }
}
