package org.cstrat.server.editing;

import java.util.function.Supplier;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.editing.Commands.ActorCommand;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.OfferingCommand;
import org.cstrat.server.editing.Commands.PartCommand;
import org.cstrat.server.editing.Commands.RevenueModelCommand;
import org.cstrat.server.editing.Commands.TechnologyCommand;
import org.cstrat.server.editing.Commands.TouchpointCommand;
import org.cstrat.server.neo4j.GraphChanges;

/**
 * Writes an edit, a command the handler has read and validated ({@link Commands}), in one transaction. Every method
 * returns the id written. Once the transaction has ended (committed or not) it moves {@link GraphChanges} on, so cached reads (the matrices) are
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

    public String createMarket(MarketCommand m) {
        return write(() -> {
            repository.createMarket(m);
            return m.id();
        });
    }

    /** Updates the market {@code m.id()} (the id in the path). */
    public String updateMarket(MarketCommand m) {
        return write(() -> {
            repository.updateMarket(m);
            return m.id();
        });
    }

    public String createFirm(String marketId, FirmCommand f) {
        return write(() -> {
            repository.createFirm(marketId, f);
            return f.id();
        });
    }

    /** Updates the firm {@code f.id()} (the id in the path), moving it to {@code f.market()} when one is given. */
    public String updateFirm(FirmCommand f) {
        return write(() -> {
            repository.updateFirm(f);
            return f.id();
        });
    }

    /** Creates a part of a firm (or links an existing technology or actor named by its id alone). */
    public String createPart(String firmId, PartCommand part) {
        return write(() -> savePart(firmId, part, true));
    }

    /** Updates the part {@code part.id()} (the id in the path) of a firm. */
    public String updatePart(String firmId, PartCommand part) {
        return write(() -> savePart(firmId, part, false));
    }

    /** Runs a write, then tells the caches, whether it committed or failed (a failed one may have written in part elsewhere). */
    private String write(Supplier<String> write) {
        try {
            return write.get();
        } finally {
            changes.changed();
        }
    }

    private String savePart(String firmId, PartCommand part, boolean create) {
        if (part instanceof OfferingCommand c) {
            repository.saveOffering(firmId, c, create);
        } else if (part instanceof TouchpointCommand c) {
            repository.saveTouchpoint(firmId, c, create);
        } else if (part instanceof TechnologyCommand c) {
            repository.saveTechnology(firmId, c, create);
        } else if (part instanceof ActorCommand c) {
            repository.saveActor(firmId, c, create);
        } else if (part instanceof RevenueModelCommand c) {
            repository.saveRevenueModel(firmId, c, create);
        } else {
            throw new IllegalStateException("unknown part " + part); // unreachable: PartCommand is sealed
        }
        return part.id();
    }

    public static Kind kind(String segment) {
        return Kind.fromSegment(segment).orElseThrow(() -> new NotFoundException("kind of firm part", segment));
    }
}
