package org.cstrat.server.core;

/** A market, firm or other entity that the caller named does not exist. */
public final class NotFoundException extends WorkbenchException {
    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("No " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() { return kind; }

    public String id() { return id; }
}
