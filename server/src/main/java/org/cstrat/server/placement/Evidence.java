package org.cstrat.server.placement;

import java.util.Objects;

/**
 * One node or relationship of the graph that supports (or is missing from) a placement.
 *
 * @param kind  {@code node} or {@code relationship}
 * @param label the node label or relationship type, e.g. {@code Touchpoint}, {@code SUPPLIED_BY}
 * @param id    the node id, or {@code from->to} for a relationship
 * @param text  what it shows, in a sentence
 */
public record Evidence(String kind, String label, String id, String text) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public static Evidence node(String label, String id, String text) {
        return new Evidence("node", label, id, text);
    }

    public static Evidence relationship(String type, String from, String to, String text) {
        return new Evidence("relationship", type, from + "->" + to, text);
    }
}
