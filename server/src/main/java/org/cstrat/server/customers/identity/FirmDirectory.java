package org.cstrat.server.customers.identity;

import java.util.Optional;

import org.cstrat.server.core.NotFoundException;

/**
 * Which firms exist: what the customer-data services ask before they read or change a firm's data, so that an unknown
 * firm is a not-found naming it wherever the request came from.
 */
@FunctionalInterface
public interface FirmDirectory {

    /** The firm's display name; empty when there is no such firm. */
    Optional<String> firmName(String firm);

    /** The firm's display name. @throws NotFoundException when there is no such firm */
    default String require(String firm) {
        return firmName(firm).orElseThrow(() -> new NotFoundException("firm", firm));
    }
}
