package org.cstrat.server.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.framework.StarStage;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.editing.FormView.Def;
import org.cstrat.server.editing.FormView.Option;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.market.FirmRecord;
import org.cstrat.server.market.Market;
import org.cstrat.server.market.MarketService;
import org.cstrat.server.placement.FirmEvidence;
import org.cstrat.server.placement.Vocabulary;

/** The forms of the editing pages: fields, options from the vocabularies and the graph, current values. */
public final class EditForms {

    private final MarketService markets;
    private final FirmService firms;
    private final EditingRepository choices;

    public EditForms(MarketService markets, FirmService firms, EditingRepository choices) {
        this.markets = markets;
        this.firms = firms;
        this.choices = choices;
    }

    // ---------------------------------------------------------------- markets

    public FormView market(String marketId, Map<String, List<String>> submitted, Map<String, String> errors) {
        boolean create = marketId == null;
        Map<String, List<String>> values = submitted;
        if (values == null) {
            values = new HashMap<>();
            if (!create) {
                Market m = markets.market(marketId);
                put(values, "id", m.id());
                put(values, "name", m.name());
                put(values, "region", m.region());
                put(values, "asOf", m.asOf() == null ? null : String.valueOf(m.asOf()));
                put(values, "description", m.description());
            }
        } else if (!create) {
            markets.market(marketId);
        }
        List<Def> defs = List.of(
                text("name", "Name", "e.g. Connected insurance", true),
                text("id", "Id", "lower-case letters, digits and '-'; left empty, made from the name", false),
                text("region", "Region", "e.g. United States", false),
                new Def("asOf", "As of (year)", "number", List.of(), "the year the picture describes", false),
                new Def("description", "Description", "textarea", List.of(), "", false));
        return new FormView(create ? "New market" : "Edit market", "",
                create ? "/markets" : "/markets/" + marketId + "/edit", create ? "/" : "/markets/" + marketId,
                create ? "Create market" : "Save market", fields(defs, values, errors, create ? null : "id"),
                List.of(new FormView.Crumb("/", "Markets")));
    }

    // ---------------------------------------------------------------- firms

    public FormView firm(String marketId, String firmId, Map<String, List<String>> submitted, Map<String, String> errors) {
        boolean create = firmId == null;
        Market market;
        Map<String, List<String>> values = submitted;
        if (create) {
            market = markets.market(marketId);
        } else {
            FirmRecord f = firms.firm(firmId);
            market = markets.market(f.marketId());
            if (values == null) {
                values = new HashMap<>();
                put(values, "id", f.id());
                put(values, "name", f.summary().name());
                put(values, "parentName", f.summary().parentName());
                put(values, "type", f.summary().type());
                put(values, "status", f.summary().status());
                put(values, "founded", f.founded() == null ? null : String.valueOf(f.founded()));
                put(values, "description", f.description());
                put(values, "source", f.source());
                put(values, "experience", f.evidence().declaredExperience() == null ? null : f.evidence().declaredExperience().id());
                put(values, "architecture", f.evidence().declaredArchitecture() == null ? null : f.evidence().declaredArchitecture().id());
                put(values, "market", f.marketId());
            }
        }
        if (values == null) {
            values = new HashMap<>(Map.of("status", List.of("active")));
        }
        List<Def> defs = new ArrayList<>(List.of(
                text("name", "Name", "", true),
                text("id", "Id", "lower-case letters, digits and '-'; left empty, made from the name", false),
                text("parentName", "Parent company", "firms with the same parent share a colour on the matrix", false),
                select("type", "Firm type", options(Vocabulary.FIRM_TYPES), "", false, true),
                select("status", "Status", options(Vocabulary.FIRM_STATUSES), "", false, false),
                new Def("founded", "Founded (year)", "number", List.of(), "", false),
                new Def("description", "Description", "textarea", List.of(), "", false),
                new Def("source", "Source", "textarea", List.of(), "a sentence on where the facts come from", false),
                select("experience", "Declared experience (row)", experiences(), "leave empty to infer it from the evidence; a declaration overrides the evidence", false, true),
                select("architecture", "Declared architecture (column)", architectures(), "leave empty to infer it from the evidence", false, true)));
        if (!create) {
            defs.add(select("market", "Market", markets.markets().stream().map(m -> new Option(m.id(), m.name())).toList(),
                    "another market moves the firm there (with its customers, touchpoints and evidence)", false, false));
        }
        String base = create ? "/markets/" + market.id() + "/firms" : "/firms/" + firmId + "/edit";
        return new FormView(create ? "New firm in " + market.name() : "Edit " + values.getOrDefault("name", List.of(firmId)).get(0),
                create ? "A new firm has no evidence yet: declare its cell, or add offerings, touchpoints, technologies and actors after creating it." : "",
                base, create ? "/markets/" + market.id() : "/firms/" + firmId, create ? "Create firm" : "Save firm",
                fields(defs, values, errors, create ? null : "id"),
                List.of(new FormView.Crumb("/", "Markets"), new FormView.Crumb("/markets/" + market.id(), market.name())));
    }

    // ---------------------------------------------------------------- parts of a firm

    public FormView part(String firmId, Kind kind, String itemId, Map<String, List<String>> submitted, Map<String, String> errors) {
        FirmRecord firm = firms.firm(firmId);
        FirmEvidence ev = firm.evidence();
        boolean create = itemId == null;
        Map<String, List<String>> values = submitted == null ? (create ? defaults(kind) : current(firm, kind, itemId)) : submitted;
        List<Def> defs = switch (kind) {
            case OFFERING -> {
                List<Option> suppliers = new ArrayList<>();
                suppliers.add(new Option("self", "the firm itself (it makes what it offers)"));
                ev.actors().forEach(a -> suppliers.add(new Option(a.id(), a.name() + " (" + Vocabulary.label(a.role()) + ")")));
                yield List.of(text("name", "Name", "", true), text("id", "Id", "left empty, made from the name", false),
                        select("suppliedBy", "Supplied by", suppliers, "who makes or provides what is offered; add actors first to pick them", false, true),
                        select("experience", "Declared experience (row)", experiences(), "leave empty to infer it from the evidence", false, true),
                        select("architecture", "Declared architecture (column)", architectures(), "leave empty to infer it from the evidence", false, true));
            }
            case TOUCHPOINT -> List.of(text("name", "Name", "", true), text("id", "Id", "left empty, made from the name", false),
                    select("initiative", "Initiative", options(Vocabulary.INITIATIVES),
                            "who starts the episode: customer (respond to desire), firm_curated (curated offering), firm_coach (coach behavior), firm_automatic (automatic execution), firm_notify (information only)", true, false),
                    select("channel", "Channel", choices.channels().stream().map(c -> new Option(c.id(), c.name() + " (" + c.kind() + ")")).toList(), "", true, false),
                    new Def("momentOfTruth", "Moment of truth", "checkbox", List.of(), "", false),
                    new Def("collectsFeedback", "Collects feedback", "checkbox", List.of(), "ratings, reviews, surveys", false),
                    new Def("standingAuthorisation", "Standing authorisation", "checkbox", List.of(), "the customer lets the firm act without asking (firm_automatic only)", false),
                    new Def("supports", "Supports only these offerings", "checkboxes",
                            ev.offerings().stream().map(o -> new Option(o.id(), o.name())).toList(), "none ticked: all of the firm's offerings", false));
            case TECHNOLOGY -> List.of(
                    new Def("id", "Id", "text", choices.technologies().stream().map(t -> new Option(t.id(), t.name() + " (" + t.kind() + ")")).toList(),
                            create ? "to reuse an existing technology, give its id and leave the name empty" : "", false),
                    text("name", "Name", "", create ? false : true),
                    select("star", "STAR stage", Arrays.stream(StarStage.values()).map(s -> new Option(s.id(), s.label() + ": " + s.description())).toList(), "", false, true));
            case ACTOR -> List.of(
                    new Def("id", "Id", "text", choices.actors().stream().map(a -> new Option(a.id(), a.name() + " (" + a.kind() + ")")).toList(),
                            create ? "to add an existing actor, give its id and leave name and kind empty" : "", false),
                    text("name", "Name", "", false),
                    select("kind", "Kind", options(Vocabulary.ACTOR_KINDS), "", false, true),
                    select("role", "Role towards the firm", options(Vocabulary.ACTOR_ROLES), "", true, false),
                    text("paysFirm", "The actor pays the firm for", "e.g. listing fees; leave empty if it does not", false),
                    text("firmPays", "The firm pays the actor for", "e.g. fee per consult; leave empty if it does not", false));
            case REVENUE_MODEL -> List.of(text("name", "Name", "", true), text("id", "Id", "left empty, made from the name", false),
                    select("kind", "Kind", Arrays.stream(RevenueModelKind.values()).map(k -> new Option(k.id(), k.label())).toList(), "", true, false),
                    select("payer", "Payer", options(Vocabulary.PAYERS), "", true, false),
                    select("paidBy", "Paid by actor", ev.actors().stream().map(a -> new Option(a.id(), a.name())).toList(), "when the payer is an actor", false, true),
                    text("unit", "Unit", "what one price is for: ride, month, visit", false),
                    new Def("price", "Price (US$ per unit)", "number", List.of(), "", false),
                    select("indicator", "Pricing indicator", Arrays.stream(PricingIndicator.values()).map(i -> new Option(i.id(), i.id())).toList(), "for personalised pricing", false, true));
        };
        String base = "/firms/" + firmId + "/" + kind.segment();
        return new FormView((create ? "New " : "Edit ") + kind.label() + " of " + firm.summary().name(), "",
                create ? base : base + "/" + itemId + "/edit", "/firms/" + firmId,
                create ? "Add " + kind.label() : "Save " + kind.label(), fields(defs, values, errors, create ? null : "id"),
                List.of(new FormView.Crumb("/", "Markets"), new FormView.Crumb("/markets/" + firm.marketId(), firm.marketName()),
                        new FormView.Crumb("/firms/" + firmId, firm.summary().name())));
    }

    private static Map<String, List<String>> defaults(Kind kind) {
        Map<String, List<String>> v = new HashMap<>();
        switch (kind) {
            case TOUCHPOINT -> put(v, "initiative", "customer");
            case REVENUE_MODEL -> put(v, "payer", "customer");
            case ACTOR -> put(v, "kind", "organisation");
            default -> {
            }
        }
        return v;
    }

    private static Map<String, List<String>> current(FirmRecord firm, Kind kind, String itemId) {
        FirmEvidence ev = firm.evidence();
        Map<String, List<String>> v = new HashMap<>();
        put(v, "id", itemId);
        NotFoundException missing = new NotFoundException(kind.label() + " of " + firm.id(), itemId);
        switch (kind) {
            case OFFERING -> {
                var o = ev.offerings().stream().filter(x -> x.id().equals(itemId)).findFirst().orElseThrow(() -> missing);
                put(v, "name", o.name());
                o.suppliers().stream().findFirst().ifPresent(s -> put(v, "suppliedBy", s.self() ? "self" : s.id()));
                put(v, "experience", o.declaredExperience() == null ? null : o.declaredExperience().id());
                put(v, "architecture", o.declaredArchitecture() == null ? null : o.declaredArchitecture().id());
            }
            case TOUCHPOINT -> {
                var t = ev.touchpoints().stream().filter(x -> x.id().equals(itemId)).findFirst().orElseThrow(() -> missing);
                put(v, "name", t.name());
                put(v, "initiative", t.initiative());
                put(v, "channel", t.channelId());
                put(v, "momentOfTruth", t.momentOfTruth() ? "on" : null);
                put(v, "collectsFeedback", t.collectsFeedback() ? "on" : null);
                put(v, "standingAuthorisation", t.standingAuthorisation() ? "on" : null);
                v.put("supports", t.supports());
            }
            case TECHNOLOGY -> {
                var t = ev.technologies().stream().filter(x -> x.id().equals(itemId)).findFirst().orElseThrow(() -> missing);
                put(v, "name", t.name());
                put(v, "star", t.stage() == null ? null : t.stage().id());
            }
            case ACTOR -> {
                var a = ev.actors().stream().filter(x -> x.id().equals(itemId)).findFirst().orElseThrow(() -> missing);
                put(v, "name", a.name());
                put(v, "kind", a.kind());
                put(v, "role", a.role());
                ev.flows().stream().filter(f -> f.fromId().equals(itemId)).findFirst().ifPresent(f -> put(v, "paysFirm", f.what()));
                ev.flows().stream().filter(f -> f.toId().equals(itemId)).findFirst().ifPresent(f -> put(v, "firmPays", f.what()));
            }
            case REVENUE_MODEL -> {
                var r = ev.revenueModels().stream().filter(x -> x.id().equals(itemId)).findFirst().orElseThrow(() -> missing);
                put(v, "name", r.name());
                put(v, "kind", r.kind());
                put(v, "payer", r.payer());
                put(v, "paidBy", r.paidById());
                put(v, "unit", r.unit());
                put(v, "price", r.price() == null ? null : String.valueOf(r.price()));
                put(v, "indicator", r.indicator());
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- helpers

    private static List<FormView.Field> fields(List<Def> defs, Map<String, List<String>> values, Map<String, String> errors, String readonly) {
        Map<String, String> e = errors == null ? Map.of() : errors;
        return defs.stream().map(d -> d.with(values, e, d.name().equals(readonly))).toList();
    }

    private static void put(Map<String, List<String>> values, String key, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(key, List.of(value));
        }
    }

    private static Def text(String name, String label, String help, boolean required) {
        return new Def(name, label, "text", List.of(), help, required);
    }

    /** A select; {@code blank} adds an empty first option ("not set"). */
    private static Def select(String name, String label, List<Option> options, String help, boolean required, boolean blank) {
        List<Option> all = new ArrayList<>();
        if (blank) {
            all.add(new Option("", "(not set)"));
        }
        all.addAll(options);
        return new Def(name, label, "select", all, help, required);
    }

    private static List<Option> options(List<String> ids) {
        return ids.stream().map(id -> new Option(id, Vocabulary.label(id))).toList();
    }

    private static List<Option> experiences() {
        return Arrays.stream(Experience.values()).map(e -> new Option(e.id(), e.label())).toList();
    }

    private static List<Option> architectures() {
        return Arrays.stream(Architecture.values()).map(a -> new Option(a.id(), a.label())).toList();
    }
}
