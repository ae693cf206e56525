package org.cstrat.server.placement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.StarStage;
import org.cstrat.server.placement.FirmEvidence.OfferingFacts;
import org.cstrat.server.placement.FirmEvidence.SupplierFacts;
import org.cstrat.server.placement.FirmEvidence.TechnologyFacts;
import org.cstrat.server.placement.FirmEvidence.TouchpointFacts;
import org.cstrat.server.placement.Vocabulary.Initiative;

/**
 * <b>The</b> rules that put a firm on the connected-strategy matrix from graph evidence, and that say what
 * it lacks to move elsewhere. Pure functions of {@link FirmEvidence}; documented in {@code cypher/README.md}
 * ("Placement rules") and tested by {@code PlacementRulesTest}.
 *
 * <h2>Row (connected customer experience), per offering</h2>
 * The touchpoints of an offering are those that {@code SUPPORTS} it plus those of the firm without any
 * {@code SUPPORTS} (they serve all its offerings). Technologies are the firm's ({@code USES}).
 * <ul>
 *   <li><b>curated offering</b>: a {@code firm_curated} touchpoint and an analyze-stage technology;</li>
 *   <li><b>coach behavior</b>: a {@code firm_coach} touchpoint and a sense-stage technology;</li>
 *   <li><b>automatic execution</b>: a {@code firm_automatic} touchpoint with {@code standingAuthorisation},
 *       a sense-stage and a react-stage technology;</li>
 *   <li><b>respond to desire</b>: a {@code customer} touchpoint, when none of the three firm-initiated rows is evidenced.</li>
 * </ul>
 * An offering may occupy several firm-initiated rows. {@code firm_notify} touchpoints (receipts, ratings,
 * "your car is ready") evidence no row.
 *
 * <h2>Column (connection architecture), per supplier of the offering ({@code SUPPLIED_BY}), first match wins</h2>
 * <ol>
 *   <li>the firm itself: <b>connected producer</b>;</li>
 *   <li>an actor in the role {@code peer}: <b>peer-to-peer network</b>;</li>
 *   <li>a {@code crowd} actor in the role {@code crowd_supplier}: <b>crowd orchestrator</b>;</li>
 *   <li>an {@code organisation} actor that pays the firm ({@code PAYS}, or a revenue model {@code PAID_BY} it): <b>market maker</b>;</li>
 *   <li>an actor (or another firm) in the role {@code producer} or {@code supplier}, with a revenue model paid by the
 *       customer: <b>connected retailer</b>.</li>
 * </ol>
 *
 * <h2>Declared placement</h2>
 * {@code DECLARED_EXPERIENCE} / {@code DECLARED_ARCHITECTURE} on the offering, else on the firm, override the
 * inferred row / column. When the evidence points elsewhere the placement carries the conflict.
 *
 * <h2>Personalisation level</h2>
 * 1 the firm operates touchpoints and recognises most customers (identified in at least half of the episodes,
 * when interactions are known); 2 plus an analyze-stage technology (it can use past interactions); 3 plus a
 * touchpoint that collects feedback; 4 plus a touchpoint under a standing authorisation (trusted partner).
 */
public final class PlacementRules {

    /** Share of episodes with an identified customer needed for personalisation level 1. */
    public static final double IDENTIFIED_SHARE_MIN = 0.5;

    private PlacementRules() {
    }

    /** A firm's placements, and the offerings that the evidence cannot place (yet). */
    public record FirmPlacement(String firmId, List<Placement> placements, List<Unplaced> unplaced) {
        public FirmPlacement {
            placements = List.copyOf(placements);
            unplaced = List.copyOf(unplaced);
        }
    }

    /** An offering without a row or a column, and why. */
    public record Unplaced(String offeringId, String offeringName, String reason) {
    }

    /** The requirements of a target cell and which the firm lacks. */
    public record Move(Experience experience, Architecture architecture, boolean occupied, List<Requirement> requirements) {
        public Move {
            requirements = List.copyOf(requirements);
        }

        public List<Requirement> missing() {
            return requirements.stream().filter(r -> !r.met()).toList();
        }

        public List<Requirement> missingEssential() {
            return requirements.stream().filter(r -> !r.met() && r.essential()).toList();
        }
    }

    /** A personalisation level, the checks behind it, level by level. */
    public record Personalisation(Optional<PersonalisationLevel> level, List<LevelCheck> checks) {
        public Personalisation {
            checks = List.copyOf(checks);
        }

        public int value() {
            return level.map(PersonalisationLevel::level).orElse(0);
        }
    }

    /** One level of the personalisation ladder: whether its condition holds and the evidence. */
    public record LevelCheck(PersonalisationLevel level, boolean met, String condition, List<Evidence> evidence) {
        public LevelCheck {
            evidence = List.copyOf(evidence);
        }
    }

    // ------------------------------------------------------------------ placement

    /** Places every offering of the firm; a firm without offerings is placed as a whole (offering id = firm id). */
    public static FirmPlacement place(FirmEvidence firm) {
        List<OfferingFacts> offerings = firm.offerings().isEmpty()
                ? List.of(new OfferingFacts(firm.firmId(), firm.firmName() + " (whole firm)", null, null, List.of()))
                : firm.offerings();
        List<Placement> placements = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (OfferingFacts offering : offerings) {
            placeOffering(firm, offering, placements, unplaced);
        }
        return new FirmPlacement(firm.firmId(), placements, unplaced);
    }

    private static void placeOffering(FirmEvidence firm, OfferingFacts offering, List<Placement> out, List<Unplaced> unplaced) {
        Map<Experience, List<Requirement>> rowChecks = new EnumMap<>(Experience.class);
        for (Experience e : Experience.values()) {
            rowChecks.put(e, rowRequirements(e, firm, offering.id()));
        }
        Map<Experience, List<Evidence>> inferredRows = inferRows(rowChecks);
        Map<Architecture, List<Evidence>> inferredColumns = inferColumns(firm, offering);

        Experience declaredE = offering.declaredExperience() != null ? offering.declaredExperience() : firm.declaredExperience();
        Architecture declaredA = offering.declaredArchitecture() != null ? offering.declaredArchitecture() : firm.declaredArchitecture();
        String declaredOn = offering.declaredExperience() != null || offering.declaredArchitecture() != null ? offering.id() : firm.firmId();

        List<String> conflicts = new ArrayList<>();
        Map<Experience, List<Evidence>> rows = new LinkedHashMap<>();
        if (declaredE != null) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.relationship("DECLARED_EXPERIENCE", declaredOn, declaredE.id(), "Declared row: " + declaredE.label() + "."));
            ev.addAll(inferredRows.getOrDefault(declaredE, metEvidence(rowChecks.get(declaredE))));
            rows.put(declaredE, ev);
            if (!inferredRows.isEmpty() && !inferredRows.containsKey(declaredE)) {
                conflicts.add("Declared " + declaredE.label() + ", but the evidence shows " + labels(inferredRows.keySet())
                        + (missingText(rowChecks.get(declaredE)).isEmpty() ? "" : " (missing: " + missingText(rowChecks.get(declaredE)) + ")") + ".");
            }
        } else {
            rows.putAll(inferredRows);
        }
        Map<Architecture, List<Evidence>> columns = new LinkedHashMap<>();
        if (declaredA != null) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.relationship("DECLARED_ARCHITECTURE", declaredOn, declaredA.id(), "Declared column: " + declaredA.label() + "."));
            ev.addAll(inferredColumns.getOrDefault(declaredA, List.of()));
            columns.put(declaredA, ev);
            if (!inferredColumns.isEmpty() && !inferredColumns.containsKey(declaredA)) {
                conflicts.add("Declared " + declaredA.label() + ", but the evidence shows " + labels(inferredColumns.keySet()) + ".");
            }
        } else {
            columns.putAll(inferredColumns);
        }

        if (rows.isEmpty() || columns.isEmpty()) {
            List<String> why = new ArrayList<>();
            if (rows.isEmpty()) {
                why.add("no row: it has no customer touchpoint and no complete evidence for a firm-initiated experience");
            }
            if (columns.isEmpty()) {
                why.add(offering.suppliers().isEmpty()
                        ? "no column: who supplies it (SUPPLIED_BY) is not recorded"
                        : "no column: the roles of its suppliers do not determine an architecture");
            }
            unplaced.add(new Unplaced(offering.id(), offering.name(), String.join("; ", why)));
            return;
        }
        for (var row : rows.entrySet()) {
            for (var column : columns.entrySet()) {
                List<Evidence> evidence = new ArrayList<>(new java.util.LinkedHashSet<>(row.getValue()));
                column.getValue().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
                out.add(new Placement(firm.firmId(), offering.id(), offering.name(), row.getKey(), column.getKey(),
                        declaredE != null ? Placement.Basis.DECLARED : Placement.Basis.INFERRED,
                        declaredA != null ? Placement.Basis.DECLARED : Placement.Basis.INFERRED,
                        evidence, conflicts));
            }
        }
    }

    /** Firm-initiated rows whose essential requirements all hold; otherwise respond to desire if it holds. */
    private static Map<Experience, List<Evidence>> inferRows(Map<Experience, List<Requirement>> checks) {
        Map<Experience, List<Evidence>> rows = new EnumMap<>(Experience.class);
        for (Experience e : List.of(Experience.CURATED_OFFERING, Experience.COACH_BEHAVIOR, Experience.AUTOMATIC_EXECUTION)) {
            if (essentialMet(checks.get(e))) {
                rows.put(e, metEvidence(checks.get(e)));
            }
        }
        if (rows.isEmpty() && essentialMet(checks.get(Experience.RESPOND_TO_DESIRE))) {
            rows.put(Experience.RESPOND_TO_DESIRE, metEvidence(checks.get(Experience.RESPOND_TO_DESIRE)));
        }
        return rows;
    }

    private static Map<Architecture, List<Evidence>> inferColumns(FirmEvidence firm, OfferingFacts offering) {
        Map<Architecture, List<Evidence>> columns = new EnumMap<>(Architecture.class);
        for (SupplierFacts supplier : offering.suppliers()) {
            columnOf(firm, supplier).ifPresent(a -> columns.computeIfAbsent(a, k -> new ArrayList<>())
                    .addAll(columnEvidence(firm, offering, supplier, a)));
        }
        return columns;
    }

    /** The column a supplier puts an offering in, by the ordered rules in the class comment. */
    public static Optional<Architecture> columnOf(FirmEvidence firm, SupplierFacts s) {
        if (s.self()) {
            return Optional.of(Architecture.CONNECTED_PRODUCER);
        }
        if ("peer".equals(s.role())) {
            return Optional.of(Architecture.PEER_TO_PEER);
        }
        if ("crowd".equals(s.kind()) && "crowd_supplier".equals(s.role())) {
            return Optional.of(Architecture.CROWD_ORCHESTRATOR);
        }
        if ("organisation".equals(s.kind()) && s.paysFirm()) {
            return Optional.of(Architecture.MARKET_MAKER);
        }
        boolean producerRole = "producer".equals(s.role()) || "supplier".equals(s.role()) || (s.firm() && s.role().isEmpty());
        if (producerRole && firm.revenueModels().stream().anyMatch(FirmEvidence.RevenueFacts::paidByCustomer)) {
            return Optional.of(Architecture.CONNECTED_RETAILER);
        }
        return Optional.empty();
    }

    private static List<Evidence> columnEvidence(FirmEvidence firm, OfferingFacts o, SupplierFacts s, Architecture a) {
        List<Evidence> ev = new ArrayList<>();
        ev.add(Evidence.relationship("SUPPLIED_BY", o.id(), s.id(), o.name() + " is supplied by "
                + (s.self() ? "the firm itself" : s.name()) + "."));
        switch (a) {
            case PEER_TO_PEER, CROWD_ORCHESTRATOR -> ev.add(Evidence.relationship("HAS_ACTOR", firm.firmId(), s.id(),
                    s.name() + " is a " + Vocabulary.label(s.kind()) + " actor in the role " + Vocabulary.label(s.role()) + "."));
            case MARKET_MAKER -> {
                ev.add(Evidence.node("Actor", s.id(), s.name() + " is an organisation that supplies the offering."));
                firm.flows().stream().filter(f -> f.fromId().equals(s.id()) && f.toId().equals(firm.firmId())).forEach(f ->
                        ev.add(Evidence.relationship("PAYS", s.id(), firm.firmId(), s.name() + " pays the firm: " + f.what() + ".")));
                firm.revenueModels().stream().filter(r -> s.id().equals(r.paidById())).forEach(r ->
                        ev.add(Evidence.relationship("PAID_BY", r.id(), s.id(), "Revenue model '" + r.name() + "' is paid by " + s.name() + ".")));
            }
            case CONNECTED_RETAILER -> {
                ev.add(Evidence.relationship("HAS_ACTOR", firm.firmId(), s.id(), s.name() + " is in the role "
                        + (s.role().isEmpty() ? "producer" : Vocabulary.label(s.role())) + ": the firm sells others' products."));
                firm.revenueModels().stream().filter(FirmEvidence.RevenueFacts::paidByCustomer).forEach(r ->
                        ev.add(Evidence.node("RevenueModel", r.id(), "Customers pay: " + r.name() + ".")));
            }
            default -> {
            }
        }
        return ev;
    }

    // ------------------------------------------------------------------ requirements

    /**
     * What a row needs, checked against the firm's touchpoints for one offering (null: all touchpoints)
     * and its technologies. The essential requirements decide the inferred row.
     */
    public static List<Requirement> rowRequirements(Experience e, FirmEvidence firm, String offeringId) {
        List<TouchpointFacts> tps = firm.touchpoints().stream().filter(t -> offeringId == null || t.appliesTo(offeringId)).toList();
        return switch (e) {
            case RESPOND_TO_DESIRE -> List.of(
                    touchpoint(tps, t -> Initiative.CUSTOMER.equals(t.initiative()), true,
                            "a customer-initiated touchpoint where requests arrive",
                            "add a touchpoint with initiative 'customer' (booking, order, request)"));
            case CURATED_OFFERING -> List.of(
                    touchpoint(tps, t -> Initiative.FIRM_CURATED.equals(t.initiative()), true,
                            "a touchpoint where the firm offers a tailored menu",
                            "add a touchpoint with initiative 'firm_curated' (recommendations, tailored offers)"),
                    technology(firm, StarStage.ANALYZE, true, "an analyze-stage technology that ranks options for each customer"),
                    personalisationAtLeast(firm, 2, "customer data to tailor on: personalisation level 2 or more"));
            case COACH_BEHAVIOR -> List.of(
                    touchpoint(tps, t -> Initiative.FIRM_COACH.equals(t.initiative()), true,
                            "a touchpoint where the firm nudges towards the customer's goal",
                            "add a touchpoint with initiative 'firm_coach' (reminders, goal nudges)"),
                    technology(firm, StarStage.SENSE, true, "a sense-stage technology that sees the customer's behaviour"),
                    touchpoint(tps, TouchpointFacts::collectsFeedback, false,
                            "feedback to learn which nudges work", "mark a touchpoint as collecting feedback"));
            case AUTOMATIC_EXECUTION -> List.of(
                    touchpoint(tps, t -> Initiative.FIRM_AUTOMATIC.equals(t.initiative()), true,
                            "a touchpoint where the firm acts before the customer asks",
                            "add a touchpoint with initiative 'firm_automatic'"),
                    touchpoint(tps, t -> Initiative.FIRM_AUTOMATIC.equals(t.initiative()) && t.standingAuthorisation(), true,
                            "a standing authorisation from the customer to act",
                            "record the standing authorisation on the firm_automatic touchpoint"),
                    technology(firm, StarStage.SENSE, true, "a sense-stage technology that detects the need"),
                    technology(firm, StarStage.REACT, true, "a react-stage technology that acts on it"),
                    personalisationAtLeast(firm, 3, "a trust level: personalisation level 3 or more (the firm learns from feedback)"));
        };
    }

    /** What a column needs, checked against all of the firm's offerings, actors and money flows. */
    public static List<Requirement> columnRequirements(Architecture a, FirmEvidence firm) {
        List<SupplierFacts> suppliers = firm.offerings().stream().flatMap(o -> o.suppliers().stream()).toList();
        boolean customerPays = firm.revenueModels().stream().anyMatch(FirmEvidence.RevenueFacts::paidByCustomer);
        return switch (a) {
            case CONNECTED_PRODUCER -> List.of(
                    supplier(firm, suppliers, SupplierFacts::self, "makes what it offers: an offering supplied by the firm itself",
                            "link an offering to the firm with SUPPLIED_BY"));
            case CONNECTED_RETAILER -> List.of(
                    supplier(firm, suppliers, s -> !s.self() && ("producer".equals(s.role()) || "supplier".equals(s.role()) || s.firm()),
                            "other makers' products: an offering supplied by an actor in the role producer or supplier",
                            "add the maker as an actor (role producer) and link the offering to it with SUPPLIED_BY"),
                    new Requirement("customers pay the firm: a revenue model paid by the customer", customerPays, true,
                            firm.revenueModels().stream().filter(FirmEvidence.RevenueFacts::paidByCustomer)
                                    .map(r -> Evidence.node("RevenueModel", r.id(), r.name() + " is paid by the customer.")).toList(),
                            "add a revenue model with payer 'customer'"));
            case MARKET_MAKER -> List.of(
                    supplier(firm, suppliers, s -> "organisation".equals(s.kind()) && !s.self(),
                            "independent sellers: an offering supplied by an organisation actor",
                            "add the sellers as an organisation actor and link the offering to it with SUPPLIED_BY"),
                    supplier(firm, suppliers, s -> "organisation".equals(s.kind()) && s.paysFirm(),
                            "sellers pay a fee or commission: the supplying organisation pays the firm",
                            "add a PAYS flow from the sellers, or a commission revenue model paid by them"),
                    technology(firm, StarStage.ANALYZE, false, "a matching engine: an analyze-stage technology"));
            case CROWD_ORCHESTRATOR -> List.of(
                    supplier(firm, suppliers, s -> "crowd".equals(s.kind()) && "crowd_supplier".equals(s.role()),
                            "a crowd of independent suppliers: a crowd actor in the role crowd_supplier supplies an offering",
                            "add a crowd actor (role crowd_supplier) and link the offering to it with SUPPLIED_BY"),
                    new Requirement("the firm pays the crowd for its work", firm.flows().stream().anyMatch(f -> f.fromId().equals(firm.firmId())
                            && firm.actors().stream().anyMatch(x -> x.id().equals(f.toId()) && "crowd".equals(x.kind()))), false,
                            List.of(), "add a PAYS flow from the firm to the crowd"),
                    technology(firm, StarStage.ANALYZE, false, "a matching and dispatch engine: an analyze-stage technology"));
            case PEER_TO_PEER -> List.of(
                    supplier(firm, suppliers, s -> "peer".equals(s.role()),
                            "peers who sell as well as buy: an offering supplied by an actor in the role peer",
                            "add the peers as an actor (role peer) and link the offering to it with SUPPLIED_BY"),
                    new Requirement("a trust mechanism between peers: a touchpoint that collects feedback",
                            firm.touchpoints().stream().anyMatch(TouchpointFacts::collectsFeedback), false,
                            firm.touchpoints().stream().filter(TouchpointFacts::collectsFeedback)
                                    .map(t -> Evidence.node("Touchpoint", t.id(), "'" + t.name() + "' collects feedback.")).toList(),
                            "add ratings or reviews: a touchpoint that collects feedback"));
        };
    }

    private static Requirement touchpoint(List<TouchpointFacts> tps, Predicate<TouchpointFacts> test, boolean essential,
                                          String capability, String howToAdd) {
        List<Evidence> ev = tps.stream().filter(test).map(t -> Evidence.node("Touchpoint", t.id(),
                "'" + t.name() + "' (" + Vocabulary.label(t.initiative()) + (t.channelName().isEmpty() ? "" : ", via " + t.channelName())
                        + (t.standingAuthorisation() ? ", standing authorisation" : "")
                        + (t.collectsFeedback() ? ", collects feedback" : "") + ")")).toList();
        return new Requirement(capability, !ev.isEmpty(), essential, ev, howToAdd);
    }

    private static Requirement technology(FirmEvidence firm, StarStage stage, boolean essential, String capability) {
        List<Evidence> ev = firm.technologies().stream().filter(t -> t.stage() == stage)
                .map(t -> Evidence.node("Technology", t.id(), t.name() + " (" + stage.label() + ")")).toList();
        return new Requirement(capability, !ev.isEmpty(), essential, ev,
                "add a technology at the " + stage.label() + " stage (USES)");
    }

    private static Requirement supplier(FirmEvidence firm, List<SupplierFacts> suppliers, Predicate<SupplierFacts> test,
                                        String capability, String howToAdd) {
        List<Evidence> ev = new ArrayList<>();
        for (OfferingFacts o : firm.offerings()) {
            for (SupplierFacts s : o.suppliers()) {
                if (test.test(s)) {
                    ev.add(Evidence.relationship("SUPPLIED_BY", o.id(), s.id(), o.name() + " is supplied by "
                            + (s.self() ? "the firm itself" : s.name() + (s.role().isEmpty() ? "" : " (" + Vocabulary.label(s.role()) + ")")) + "."));
                }
            }
        }
        return new Requirement(capability, !ev.isEmpty(), true, ev, howToAdd);
    }

    private static Requirement personalisationAtLeast(FirmEvidence firm, int level, String capability) {
        Personalisation p = personalisation(firm, Optional.empty());
        return new Requirement(capability, p.value() >= level, false,
                p.checks().stream().filter(c -> c.met() && c.level().level() <= level).flatMap(c -> c.evidence().stream()).distinct().toList(),
                "climb the personalisation ladder (see the firm's personalisation level)");
    }

    // ------------------------------------------------------------------ personalisation and moves

    /**
     * The personalisation level from the firm's evidence and, when interactions are known, the share of
     * episodes in which the customer was identified.
     */
    public static Personalisation personalisation(FirmEvidence firm, Optional<Double> identifiedShare) {
        List<LevelCheck> checks = new ArrayList<>();
        List<Evidence> l1 = new ArrayList<>();
        firm.touchpoints().stream().limit(3).forEach(t -> l1.add(Evidence.node("Touchpoint", t.id(), "'" + t.name() + "'")));
        identifiedShare.ifPresent(s -> l1.add(Evidence.node("Interaction", "*", Math.round(s * 100) + "% of episodes with an identified customer")));
        boolean m1 = !firm.touchpoints().isEmpty() && identifiedShare.map(s -> s >= IDENTIFIED_SHARE_MIN).orElse(true);
        checks.add(new LevelCheck(PersonalisationLevel.UNIFIED, m1,
                "operates touchpoints and identifies the customer in at least " + Math.round(IDENTIFIED_SHARE_MIN * 100) + "% of episodes", l1));
        List<Evidence> l2 = firm.technologies().stream().filter(t -> t.stage() == StarStage.ANALYZE)
                .map(t -> Evidence.node("Technology", t.id(), t.name() + " (Analyze)")).toList();
        checks.add(new LevelCheck(PersonalisationLevel.PAST_INTERACTIONS, !l2.isEmpty(), "an analyze-stage technology uses past interactions", l2));
        List<Evidence> l3 = firm.touchpoints().stream().filter(TouchpointFacts::collectsFeedback)
                .map(t -> Evidence.node("Touchpoint", t.id(), "'" + t.name() + "' collects feedback")).toList();
        checks.add(new LevelCheck(PersonalisationLevel.FEEDBACK, !l3.isEmpty(), "a touchpoint collects the customer's feedback", l3));
        List<Evidence> l4 = firm.touchpoints().stream().filter(TouchpointFacts::standingAuthorisation)
                .map(t -> Evidence.node("Touchpoint", t.id(), "'" + t.name() + "' acts under a standing authorisation")).toList();
        checks.add(new LevelCheck(PersonalisationLevel.TRUSTED_PARTNER, !l4.isEmpty(), "the customer has given a standing authorisation to act", l4));
        PersonalisationLevel level = null;
        for (LevelCheck c : checks) {
            if (!c.met()) {
                break;
            }
            level = c.level();
        }
        return new Personalisation(Optional.ofNullable(level), checks);
    }

    /** For every cell of the matrix: its requirements, and whether the firm already occupies it. */
    public static List<Move> moves(FirmEvidence firm, Set<String> occupiedCells) {
        List<Move> moves = new ArrayList<>();
        Map<Architecture, List<Requirement>> columns = new EnumMap<>(Architecture.class);
        for (Architecture a : Architecture.values()) {
            columns.put(a, columnRequirements(a, firm));
        }
        for (Experience e : Experience.values()) {
            List<Requirement> row = rowRequirements(e, firm, null);
            for (Architecture a : Architecture.values()) {
                List<Requirement> all = new ArrayList<>(row);
                all.addAll(columns.get(a));
                moves.add(new Move(e, a, occupiedCells.contains(cellKey(e, a)), all));
            }
        }
        return moves;
    }

    public static String cellKey(Experience e, Architecture a) {
        return e.id() + "/" + a.id();
    }

    private static boolean essentialMet(List<Requirement> requirements) {
        return requirements.stream().filter(Requirement::essential).allMatch(Requirement::met);
    }

    private static List<Evidence> metEvidence(List<Requirement> requirements) {
        return requirements.stream().filter(r -> r.essential() && r.met()).flatMap(r -> r.evidence().stream()).distinct().toList();
    }

    private static String missingText(List<Requirement> requirements) {
        return requirements.stream().filter(r -> r.essential() && !r.met()).map(Requirement::capability).collect(Collectors.joining("; "));
    }

    private static String labels(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> v instanceof Experience e ? e.label() : ((Architecture) v).label()).collect(Collectors.joining(" and "));
    }
}
