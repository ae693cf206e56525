package org.cstrat.server.firm;

import java.util.List;
import java.util.Optional;

import org.cstrat.server.market.FirmRecord;

/** Reading one firm with its evidence, and its customers' interactions; the adapter is {@link Neo4jFirmRepository}. */
public interface FirmRepository {

    Optional<FirmRecord> find(String firmId);

    /** Every interaction step through the firm's touchpoints, by episode and time. */
    List<InteractionStep> interactions(String firmId);
}
