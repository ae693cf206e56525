package org.cstrat.server.editing;

import java.util.function.Supplier;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.editing.Commands.ActorCommand;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.OfferingCommand;
import org.cstrat.server.editing.Commands.RevenueModelCommand;
import org.cstrat.server.editing.Commands.TechnologyCommand;
import org.cstrat.server.editing.Commands.TouchpointCommand;
import org.cstrat.server.neo4j.GraphChanges;

/**
 * Reads and validates an edit, then writes it in one transaction. Every method returns the id written. Once the
 * transaction has ended (committed or not) it moves {@link GraphChanges} on, so cached reads (the matrices) are
 * computed again on the next request.
 */
public final class EditingService {

    private final EditingRepository repository;
    private final GraphChanges changes;

    /** For tools that cache nothing. */
    public EditingService(EditingRepository repository) {
        this(repository, new GraphChanges());
    }

    public EditingService(EditingRepository repository, GraphChanges changes) {
        this.repository = repository;
        this.changes = changes;
    }

    public String createMarket(Input in) {
        MarketCommand m = MarketCommand.read(in, null);
        return write(() -> {
            repository.createMarket(m);
            return m.id();
        });
    }

    public String updateMarket(String marketId, Input in) {
        MarketCommand m = MarketCommand.read(in, marketId);
        return write(() -> {
            repository.updateMarket(m);
            return m.id();
        });
    }

    public String createFirm(String marketId, Input in) {
        FirmCommand f = FirmCommand.read(in, null);
        return write(() -> {
            repository.createFirm(marketId, f);
            return f.id();
        });
    }

    public String updateFirm(String firmId, Input in) {
        FirmCommand f = FirmCommand.read(in, firmId);
        return write(() -> {
            repository.updateFirm(f);
            return f.id();
        });
    }

    /** Creates ({@code itemId} null) or updates a part of a firm. */
    public String save(String firmId, Kind kind, String itemId, Input in) {
        return write(() -> savePart(firmId, kind, itemId, in));
    }

    /** Runs a write, then tells the caches, whether it committed or failed (a failed one may have written in part elsewhere). */
    private String write(Supplier<String> write) {
        try {
            return write.get();
        } finally {
            changes.changed();
        }
    }

    private String savePart(String firmId, Kind kind, String itemId, Input in) {
        boolean create = itemId == null;
        return switch (kind) {
            case OFFERING -> {
                OfferingCommand c = OfferingCommand.read(in, itemId);
                repository.saveOffering(firmId, c, create);
                yield c.id();
            }
            case TOUCHPOINT -> {
                TouchpointCommand c = TouchpointCommand.read(in, itemId);
                repository.saveTouchpoint(firmId, c, create);
                yield c.id();
            }
            case TECHNOLOGY -> {
                TechnologyCommand c = TechnologyCommand.read(in, itemId, create);
                repository.saveTechnology(firmId, c, create);
                yield c.id();
            }
            case ACTOR -> {
                ActorCommand c = ActorCommand.read(in, itemId, create);
                repository.saveActor(firmId, c, create);
                yield c.id();
            }
            case REVENUE_MODEL -> {
                RevenueModelCommand c = RevenueModelCommand.read(in, itemId);
                repository.saveRevenueModel(firmId, c, create);
                yield c.id();
            }
        };
    }

    public static Kind kind(String segment) {
        return Kind.fromSegment(segment).orElseThrow(() -> new NotFoundException("kind of firm part", segment));
    }
}
