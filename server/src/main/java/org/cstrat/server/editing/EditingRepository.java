package org.cstrat.server.editing;

import java.util.List;

import org.cstrat.server.editing.Commands.ActorCommand;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.OfferingCommand;
import org.cstrat.server.editing.Commands.RevenueModelCommand;
import org.cstrat.server.editing.Commands.TechnologyCommand;
import org.cstrat.server.editing.Commands.TouchpointCommand;

/**
 * Writing the graph. Every method is one transaction: it checks what the command refers to (throwing
 * {@link org.cstrat.server.core.NotFoundException} for an unknown market or firm in the path,
 * {@link org.cstrat.server.core.ConflictException} for an id that exists, {@link org.cstrat.server.core.ValidationException} for a reference that does
 * not) and writes only when all checks pass, so a failed edit leaves the graph as it was.
 */
public interface EditingRepository {

    void createMarket(MarketCommand market);

    void updateMarket(MarketCommand market);

    void createFirm(String marketId, FirmCommand firm);

    void updateFirm(FirmCommand firm);

    void saveOffering(String firmId, OfferingCommand offering, boolean create);

    void saveTouchpoint(String firmId, TouchpointCommand touchpoint, boolean create);

    void saveTechnology(String firmId, TechnologyCommand technology, boolean create);

    void saveActor(String firmId, ActorCommand actor, boolean create);

    void saveRevenueModel(String firmId, RevenueModelCommand revenueModel, boolean create);

    /** An option of a select list: channels, technologies or actors to reuse. */
    record Choice(String id, String name, String kind) {
    }

    List<Choice> channels();

    List<Choice> technologies();

    List<Choice> actors();
}
