package org.cstrat.server.market;

import java.util.Objects;

/** A market in which firms compete, e.g. US personal mobility; {@code asOf} is the year the picture describes. */
public record Market(String id, String name, String region, String description, Integer asOf, int firmCount) {
    public Market {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        region = region == null ? "" : region;
        description = description == null ? "" : description;
        if (firmCount < 0) {
            throw new IllegalArgumentException("firmCount must be >= 0, got " + firmCount);
        }
    }
}
