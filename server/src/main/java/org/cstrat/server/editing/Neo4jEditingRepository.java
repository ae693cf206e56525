package org.cstrat.server.editing;

import org.cstrat.server.core.ConflictException;
import org.cstrat.input.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.editing.Commands.ActorCommand;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.OfferingCommand;
import org.cstrat.server.editing.Commands.RevenueModelCommand;
import org.cstrat.server.editing.Commands.TechnologyCommand;
import org.cstrat.server.editing.Commands.TouchpointCommand;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

/** {@link EditingRepository} over the Neo4j Driver; its Cypher is in {@code cypher/queries/app/editing/}. */
public final class Neo4jEditingRepository implements EditingRepository {

    private static final Map<String, String> Q = new HashMap<>();

    static {
        for (String name : List.of("exists", "firm_context", "create_market", "update_market", "create_firm", "update_firm",
                "set_firm_parent", "set_firm_declared", "set_firm_market", "create_offering", "update_offering", "set_offering_declared",
                "set_offering_supplier", "create_touchpoint", "update_touchpoint", "set_touchpoint_links", "create_technology",
                "update_technology", "link_technology", "create_actor", "update_actor", "set_actor_role", "create_revenue_model",
                "update_revenue_model", "set_revenue_payer", "list_channels", "list_technologies", "list_actors")) {
            Q.put(name, CypherFiles.query("editing/" + name));
        }
    }

    private final Driver driver;
    private final Reads reads;

    public Neo4jEditingRepository(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    /** What exists, from {@code editing/exists.cypher}. */
    private record Exists(boolean market, boolean firm, boolean offering, boolean touchpoint, boolean technology,
                          boolean actor, boolean revenueModel, boolean channel) {
    }

    /** What a firm has, from {@code editing/firm_context.cypher}. */
    private record FirmContext(List<String> offerings, List<String> touchpoints, List<String> technologies,
                               List<String> actors, List<String> revenueModels) {
    }

    private static Exists exists(TransactionContext tx, Map<String, String> ids) {
        Map<String, Object> p = new HashMap<>();
        for (String k : List.of("market", "firm", "offering", "touchpoint", "technology", "actor", "revenueModel", "channel")) {
            p.put(k, ids.get(k));
        }
        Record r = tx.run(Q.get("exists"), p).single();
        return new Exists(r.get("market").asBoolean(), r.get("firm").asBoolean(), r.get("offering").asBoolean(),
                r.get("touchpoint").asBoolean(), r.get("technology").asBoolean(), r.get("actor").asBoolean(),
                r.get("revenueModel").asBoolean(), r.get("channel").asBoolean());
    }

    private static FirmContext context(TransactionContext tx, String firmId) {
        var records = tx.run(Q.get("firm_context"), Map.of("firm", firmId)).list();
        if (records.isEmpty()) {
            throw new NotFoundException("firm", firmId);
        }
        Record r = records.get(0);
        return new FirmContext(r.get("offerings").asList(Value::asString), r.get("touchpoints").asList(Value::asString),
                r.get("technologies").asList(Value::asString), r.get("actors").asList(Value::asString),
                r.get("revenueModels").asList(Value::asString));
    }

    private static void run(TransactionContext tx, String query, Map<String, Object> parameters) {
        tx.run(Q.get(query), parameters).consume();
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static ConflictException duplicate(String what, String id) {
        return ConflictException.of("id", "a " + what + " with id '" + id + "' already exists");
    }

    /** One write transaction; a uniqueness violation that slipped past the checks is still a 409, never a 500. */
    private void write(java.util.function.Consumer<TransactionContext> work) {
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(work);
        } catch (ClientException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw ConflictException.of("id", "an item with this id already exists");
            }
            throw e;
        }
    }

    @Override
    public void createMarket(MarketCommand m) {
        write(tx -> {
            if (exists(tx, Map.of("market", m.id())).market()) {
                throw duplicate("market", m.id());
            }
            run(tx, "create_market", marketParams(m));
        });
    }

    @Override
    public void updateMarket(MarketCommand m) {
        write(tx -> {
            if (!exists(tx, Map.of("market", m.id())).market()) {
                throw new NotFoundException("market", m.id());
            }
            run(tx, "update_market", marketParams(m));
        });
    }

    private static Map<String, Object> marketParams(MarketCommand m) {
        return params("id", m.id(), "name", m.name(), "region", m.region(), "asOf", m.asOf(), "description", m.description());
    }

    @Override
    public void createFirm(String marketId, FirmCommand f) {
        write(tx -> {
            Exists e = exists(tx, Map.of("market", marketId, "firm", f.id()));
            if (!e.market()) {
                throw new NotFoundException("market", marketId);
            }
            if (e.firm()) {
                throw duplicate("firm", f.id());
            }
            Map<String, Object> p = firmParams(f);
            p.put("market", marketId);
            run(tx, "create_firm", p);
            run(tx, "set_firm_parent", p);
            run(tx, "set_firm_declared", p);
        });
    }

    @Override
    public void updateFirm(FirmCommand f) {
        write(tx -> {
            context(tx, f.id());
            if (f.market() != null && !exists(tx, Map.of("market", f.market())).market()) {
                throw ValidationException.of("market", "no market '" + f.market() + "' to move the firm to (the markets are"
                        + " listed on the home page and by GET /api/markets); nothing was saved");
            }
            Map<String, Object> p = firmParams(f);
            run(tx, "update_firm", p);
            run(tx, "set_firm_parent", p);
            run(tx, "set_firm_declared", p);
            run(tx, "set_firm_market", p);
        });
    }

    private static Map<String, Object> firmParams(FirmCommand f) {
        return params("id", f.id(), "name", f.name(), "description", f.description(), "founded", f.founded(),
                "status", f.status(), "type", f.type(), "source", f.source(), "parentId", f.parentId(),
                "parentName", f.parentName(), "experience", f.experience(), "architecture", f.architecture(), "market", f.market());
    }

    @Override
    public void saveOffering(String firmId, OfferingCommand o, boolean create) {
        write(tx -> {
            FirmContext ctx = context(tx, firmId);
            if (create && exists(tx, Map.of("offering", o.id())).offering()) {
                throw duplicate("offering", o.id());
            }
            if (!create && !ctx.offerings().contains(o.id())) {
                throw new NotFoundException("offering of " + firmId, o.id());
            }
            boolean self = "self".equals(o.suppliedBy()) || firmId.equals(o.suppliedBy());
            if (o.suppliedBy() != null && !self && !ctx.actors().contains(o.suppliedBy())) {
                throw ValidationException.of("suppliedBy", "'" + o.suppliedBy() + "' is not 'self' or an actor of this firm ("
                        + (ctx.actors().isEmpty() ? "it has none yet" : String.join(", ", ctx.actors())) + ")");
            }
            Map<String, Object> p = params("firm", firmId, "id", o.id(), "name", o.name(), "experience", o.experience(),
                    "architecture", o.architecture(), "supplierFirm", self ? firmId : null,
                    "supplierActor", self ? null : o.suppliedBy());
            run(tx, create ? "create_offering" : "update_offering", p);
            run(tx, "set_offering_declared", p);
            run(tx, "set_offering_supplier", p);
        });
    }

    @Override
    public void saveTouchpoint(String firmId, TouchpointCommand t, boolean create) {
        write(tx -> {
            FirmContext ctx = context(tx, firmId);
            Exists e = exists(tx, Map.of("touchpoint", t.id(), "channel", t.channel()));
            if (create && e.touchpoint()) {
                throw duplicate("touchpoint", t.id());
            }
            if (!create && !ctx.touchpoints().contains(t.id())) {
                throw new NotFoundException("touchpoint of " + firmId, t.id());
            }
            List<FieldError> errors = new java.util.ArrayList<>();
            if (!e.channel()) {
                errors.add(FieldError.path("channel", "unknown channel '" + t.channel() + "'"));
            }
            for (int i = 0; i < t.supports().size(); i++) {
                if (!ctx.offerings().contains(t.supports().get(i))) {
                    errors.add(FieldError.path("supports", "'" + t.supports().get(i) + "' (item " + (i + 1)
                            + ") is not an offering of this firm"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Map<String, Object> p = params("firm", firmId, "id", t.id(), "name", t.name(), "initiative", t.initiative(),
                    "momentOfTruth", t.momentOfTruth(), "collectsFeedback", t.collectsFeedback(),
                    "standingAuthorisation", t.standingAuthorisation(), "channel", t.channel(), "supports", t.supports());
            run(tx, create ? "create_touchpoint" : "update_touchpoint", p);
            run(tx, "set_touchpoint_links", p);
        });
    }

    @Override
    public void saveTechnology(String firmId, TechnologyCommand x, boolean create) {
        write(tx -> {
            FirmContext ctx = context(tx, firmId);
            boolean known = exists(tx, Map.of("technology", x.id())).technology();
            Map<String, Object> p = params("firm", firmId, "id", x.id(), "name", x.name(), "star", x.star());
            if (create && x.linkOnly()) {
                if (!known) {
                    throw ValidationException.of("id", "no technology with id '" + x.id() + "' to reuse; give a name and STAR stage to create it");
                }
                run(tx, "link_technology", p);
            } else if (create) {
                if (known) {
                    throw ConflictException.of("id", "a technology with id '" + x.id() + "' already exists; leave the name empty to reuse it");
                }
                run(tx, "create_technology", p);
            } else {
                if (!ctx.technologies().contains(x.id())) {
                    throw new NotFoundException("technology of " + firmId, x.id());
                }
                run(tx, "update_technology", p);
            }
        });
    }

    @Override
    public void saveActor(String firmId, ActorCommand a, boolean create) {
        write(tx -> {
            FirmContext ctx = context(tx, firmId);
            boolean known = exists(tx, Map.of("actor", a.id())).actor();
            Map<String, Object> p = params("firm", firmId, "id", a.id(), "name", a.name(), "kind", a.kind(), "role", a.role(),
                    "paysFirm", a.paysFirm(), "firmPays", a.firmPays());
            if (create && a.linkOnly()) {
                if (!known) {
                    throw ValidationException.of("id", "no actor with id '" + a.id() + "' to reuse; give a name and kind to create it");
                }
                if (ctx.actors().contains(a.id())) {
                    throw ConflictException.of("id", "'" + a.id() + "' is already an actor of this firm");
                }
            } else if (create) {
                if (known) {
                    throw ConflictException.of("id", "an actor with id '" + a.id() + "' already exists; leave the name empty to reuse it");
                }
                run(tx, "create_actor", p);
            } else {
                if (!ctx.actors().contains(a.id())) {
                    throw new NotFoundException("actor of " + firmId, a.id());
                }
                run(tx, "update_actor", p);
            }
            run(tx, "set_actor_role", p);
        });
    }

    @Override
    public void saveRevenueModel(String firmId, RevenueModelCommand r, boolean create) {
        write(tx -> {
            FirmContext ctx = context(tx, firmId);
            if (create && exists(tx, Map.of("revenueModel", r.id())).revenueModel()) {
                throw duplicate("revenue model", r.id());
            }
            if (!create && !ctx.revenueModels().contains(r.id())) {
                throw new NotFoundException("revenue model of " + firmId, r.id());
            }
            if (r.paidBy() != null && !ctx.actors().contains(r.paidBy())) {
                throw ValidationException.of("paidBy", "'" + r.paidBy() + "' is not an actor of this firm ("
                        + (ctx.actors().isEmpty() ? "it has none yet" : String.join(", ", ctx.actors())) + ")");
            }
            Map<String, Object> p = params("firm", firmId, "id", r.id(), "name", r.name(), "kind", r.kind(), "payer", r.payer(),
                    "unit", r.unit(), "price", r.price(), "indicator", r.indicator(), "paidBy", r.paidBy());
            run(tx, create ? "create_revenue_model" : "update_revenue_model", p);
            run(tx, "set_revenue_payer", p);
        });
    }

    @Override
    public List<Choice> channels() {
        return reads.list(Q.get("list_channels"), Map.of(), Neo4jEditingRepository::choice);
    }

    @Override
    public List<Choice> technologies() {
        return reads.list(Q.get("list_technologies"), Map.of(), Neo4jEditingRepository::choice);
    }

    @Override
    public List<Choice> actors() {
        return reads.list(Q.get("list_actors"), Map.of(), Neo4jEditingRepository::choice);
    }

    private static Choice choice(Record r) {
        return new Choice(r.get("id").asString(), r.get("name").asString(r.get("id").asString()), r.get("kind").asString(""));
    }
}
