package org.cstrat.server.editing;

import java.util.Arrays;
import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.framework.StarStage;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.placement.Vocabulary;

/**
 * The edits a strategist can make: typed request records that the handlers read from an {@link Input} (a form, or a
 * JSON body) and {@link EditingService} writes. {@code read(in, pathId)}: {@code pathId} is null when creating (the id
 * comes from the input or the name), the id in the path when editing (the input may repeat it but not change it).
 * Every reader throws a {@link ValidationException} with all field errors at once, an unknown JSON field included;
 * each record's constructor checks what any command must hold (an id, a name unless it only links), so a
 * command built in code is held to the same rules.
 */
public final class Commands {

    static final List<String> EXPERIENCES = Arrays.stream(Experience.values()).map(Experience::id).toList();
    static final List<String> ARCHITECTURES = Arrays.stream(Architecture.values()).map(Architecture::id).toList();
    static final List<String> STAR_STAGES = Arrays.stream(StarStage.values()).map(StarStage::id).toList();
    static final List<String> REVENUE_KINDS = Arrays.stream(RevenueModelKind.values()).map(RevenueModelKind::id).toList();
    static final List<String> INDICATORS = Arrays.stream(PricingIndicator.values()).map(PricingIndicator::id).toList();

    private Commands() {
    }

    /** A part of a firm, created or updated through {@code /firms/{firmId}/{kind}}. */
    public sealed interface PartCommand permits OfferingCommand, TouchpointCommand, TechnologyCommand, ActorCommand, RevenueModelCommand {
        /** The part's id. */
        String id();

        /**
         * Reads a part of {@code kind}; {@code itemId} is null when creating (an existing technology or actor may then be
         * linked by its id alone), the id in the path when updating.
         */
        static PartCommand read(Kind kind, Input in, String itemId) {
            return switch (kind) {
                case OFFERING -> OfferingCommand.read(in, itemId);
                case TOUCHPOINT -> TouchpointCommand.read(in, itemId);
                case TECHNOLOGY -> TechnologyCommand.read(in, itemId, itemId == null);
                case ACTOR -> ActorCommand.read(in, itemId, itemId == null);
                case REVENUE_MODEL -> RevenueModelCommand.read(in, itemId);
            };
        }
    }

    /**
     * What every command holds: an id. (A new id is checked against {@link Checks#ID} when read; an existing one comes from
     * the path as the graph has it, an imported touchpoint's for instance, and is not checked again.)
     */
    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw ValidationException.of("id", "must not be empty");
        }
    }

    /** ... and a name, unless the command only links an existing part ({@code linkOnly}). */
    private static void requireName(String name, boolean linkOnly) {
        if (!linkOnly && (name == null || name.isBlank())) {
            throw ValidationException.of("name", "must not be empty");
        }
    }

    private static String idOf(Checks c, String pathId, String name) {
        if (pathId != null) {
            c.sameId("id", pathId);
            return pathId;
        }
        return c.id("id", name);
    }

    /** A market. */
    public record MarketCommand(String id, String name, String region, Integer asOf, String description) {
        public MarketCommand {
            requireId(id);
            requireName(name, false);
        }

        public static MarketCommand read(Input in, String pathId) {
            Checks c = new Checks(in);
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String region = c.optionalText("region", Checks.NAME_MAX);
            Integer asOf = c.integer("asOf", 1900, 2100);
            String description = c.optionalText("description", Checks.TEXT_MAX);
            c.done();
            return new MarketCommand(id, name, region, asOf, description);
        }
    }

    /** A firm, its parent company and, optionally, its declared cell (applies to offerings without their own). */
    public record FirmCommand(String id, String name, String description, String parentName, String type, String status,
                              Integer founded, String source, String experience, String architecture, String market) {
        /**
         * The fields of a firm; {@code market} (optional, on an update) is the market to move it to: its other markets are
         * left for that one in the same transaction, and a market that does not exist is refused.
         */
        public FirmCommand {
            requireId(id);
            requireName(name, false);
        }

        public static FirmCommand read(Input in, String pathId) {
            Checks c = new Checks(in);
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String market = in.text("market");
            if (market != null && !Checks.ID.matcher(market).matches()) {
                c.error("market", "'" + market + "' is not a market id");
            }
            String description = c.optionalText("description", Checks.TEXT_MAX);
            String parentName = c.optionalText("parentName", Checks.NAME_MAX);
            String type = c.oneOf("type", Vocabulary.FIRM_TYPES, false, "firm type");
            String status = orDefault(c.oneOf("status", Vocabulary.FIRM_STATUSES, false, "status"), "active");
            Integer founded = c.integer("founded", 1600, 2100);
            String source = c.optionalText("source", Checks.TEXT_MAX);
            String experience = c.oneOf("experience", EXPERIENCES, false, "experience");
            String architecture = c.oneOf("architecture", ARCHITECTURES, false, "architecture");
            c.done();
            return new FirmCommand(id, name, description, parentName, type, status, founded, source, experience, architecture, market);
        }

        /** The parent company's id: a slug of its name. */
        public String parentId() {
            return parentName == null ? null : Checks.slug(parentName);
        }
    }

    /** An offering, who supplies it ({@code self} or an actor id of the firm) and its declared cell (optional). */
    public record OfferingCommand(String id, String name, String suppliedBy, String experience, String architecture) implements PartCommand {
        public OfferingCommand {
            requireId(id);
            requireName(name, false);
        }

        public static OfferingCommand read(Input in, String pathId) {
            Checks c = new Checks(in);
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String supplier = in.text("suppliedBy");
            if (supplier != null && !supplier.equals("self") && !Checks.ID.matcher(supplier).matches()) {
                c.error("suppliedBy", "'" + supplier + "' is not 'self' or an actor id");
            }
            String experience = c.oneOf("experience", EXPERIENCES, false, "experience");
            String architecture = c.oneOf("architecture", ARCHITECTURES, false, "architecture");
            c.done();
            return new OfferingCommand(id, name, supplier, experience, architecture);
        }
    }

    /** A touchpoint and the offerings it is limited to (none: all the firm's offerings). */
    public record TouchpointCommand(String id, String name, String initiative, String channel, boolean momentOfTruth,
                                    boolean collectsFeedback, boolean standingAuthorisation, List<String> supports) implements PartCommand {
        public TouchpointCommand {
            requireId(id);
            requireName(name, false);
            supports = supports == null ? List.of() : List.copyOf(supports);
        }

        public static TouchpointCommand read(Input in, String pathId) {
            Checks c = new Checks(in);
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String initiative = c.oneOf("initiative", Vocabulary.INITIATIVES, true, "initiative");
            String channel = c.id("channel", null);
            boolean standing = c.flag("standingAuthorisation");
            if (standing && initiative != null && !Vocabulary.Initiative.FIRM_AUTOMATIC.equals(initiative)) {
                c.error("standingAuthorisation", "only a firm_automatic touchpoint acts under a standing authorisation");
            }
            boolean momentOfTruth = c.flag("momentOfTruth");
            boolean collectsFeedback = c.flag("collectsFeedback");
            List<String> supports = c.ids("supports");
            c.done();
            return new TouchpointCommand(id, name, initiative, channel, momentOfTruth, collectsFeedback, standing, supports);
        }
    }

    /**
     * A technology of the firm. Creating with the id of an existing technology and no name links that
     * technology to the firm instead (technologies are shared across firms).
     */
    public record TechnologyCommand(String id, String name, String star) implements PartCommand {
        public TechnologyCommand {
            requireId(id);
            requireName(name, name == null);
        }

        public static TechnologyCommand read(Input in, String pathId, boolean linkAllowed) {
            Checks c = new Checks(in);
            if (linkAllowed && in.text("name") == null && in.text("id") != null) {
                String linked = c.id("id", null);
                c.done();
                return new TechnologyCommand(linked, null, null);
            }
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String star = c.oneOf("star", STAR_STAGES, true, "STAR stage");
            c.done();
            return new TechnologyCommand(id, name, star);
        }

        public boolean linkOnly() {
            return name == null;
        }
    }

    /**
     * An actor of the firm's ecosystem, its role and the money flows between it and the firm ({@code paysFirm}:
     * what the actor pays the firm for; {@code firmPays}: what the firm pays it for). Creating with the id of an
     * existing actor and no name links that actor.
     */
    public record ActorCommand(String id, String name, String kind, String role, String paysFirm, String firmPays) implements PartCommand {
        public ActorCommand {
            requireId(id);
            requireName(name, name == null);
        }

        public static ActorCommand read(Input in, String pathId, boolean linkAllowed) {
            Checks c = new Checks(in);
            boolean link = linkAllowed && in.text("name") == null && in.text("id") != null;
            String name = link ? null : c.name("name");
            String id = link ? c.id("id", null) : idOf(c, pathId, name);
            String kind = link ? null : c.oneOf("kind", Vocabulary.ACTOR_KINDS, true, "actor kind");
            String role = c.oneOf("role", Vocabulary.ACTOR_ROLES, true, "role");
            String paysFirm = c.optionalText("paysFirm", Checks.NAME_MAX);
            String firmPays = c.optionalText("firmPays", Checks.NAME_MAX);
            c.done();
            return new ActorCommand(id, name, kind, role, paysFirm, firmPays);
        }

        public boolean linkOnly() {
            return name == null;
        }
    }

    /** A revenue model; {@code paidBy} names an actor of the firm when the payer is an actor. */
    public record RevenueModelCommand(String id, String name, String kind, String payer, String unit, Double price,
                                      String indicator, String paidBy) implements PartCommand {
        public RevenueModelCommand {
            requireId(id);
            requireName(name, false);
        }

        public static RevenueModelCommand read(Input in, String pathId) {
            Checks c = new Checks(in);
            String name = c.name("name");
            String id = idOf(c, pathId, name);
            String kind = c.oneOf("kind", REVENUE_KINDS, true, "revenue model kind");
            String payer = c.oneOf("payer", Vocabulary.PAYERS, true, "payer");
            String indicator = c.oneOf("indicator", INDICATORS, false, "pricing indicator");
            String paidBy = in.text("paidBy");
            if ("actor".equals(payer) && paidBy == null) {
                c.error("paidBy", "name the actor who pays when the payer is 'actor'");
            }
            if ("customer".equals(payer) && paidBy != null) {
                c.error("paidBy", "leave empty when the customer pays");
            }
            if (paidBy != null && !Checks.ID.matcher(paidBy).matches()) {
                c.error("paidBy", "'" + paidBy + "' is not a valid actor id");
            }
            if ("personalised_pricing".equals(kind) && indicator == null && in.text("indicator") == null) {
                c.error("indicator", "personalised pricing needs an indicator: one of " + String.join(", ", INDICATORS));
            }
            String unit = c.optionalText("unit", 40);
            Double price = c.decimal("price", 0);
            c.done();
            return new RevenueModelCommand(id, name, kind, payer, unit, price, indicator, paidBy);
        }
    }

    private static String orDefault(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
