package org.cstrat.server.firm;

import java.util.List;

import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.server.placement.Evidence;
import org.cstrat.server.placement.FirmEvidence;
import org.cstrat.server.placement.Placement;
import org.cstrat.server.placement.PlacementRules;
import org.cstrat.server.placement.Requirement;

/** The JSON shape of {@code GET /api/firms/{id}}: the firm, its placements each with its evidence, and its profile. */
public record FirmJson(String id, String name, String description, Integer founded, String status, String type, String source,
                       Ref parent, Ref market, Ref declared, List<PlacementJson> placements, List<PlacementRules.Unplaced> unplaced,
                       PersonalisationJson personalisation, FourRProfileJson fourR,
                       List<OfferingJson> offerings, List<FirmEvidence.TouchpointFacts> touchpoints, List<TechnologyJson> technologies,
                       List<FirmEvidence.ActorFacts> actors, List<FirmEvidence.MoneyFlow> flows,
                       List<FirmEvidence.RevenueFacts> revenueModels, List<MoveJson> moves) {

    /** An id and a name; for {@code declared}: the firm-level declared experience (id) and architecture (name field). */
    public record Ref(String id, String name) {
    }

    public record PlacementJson(String offering, String offeringName, String experience, String architecture, String basis,
                                String experienceBasis, String architectureBasis, List<String> conflicts, List<Evidence> evidence) {
    }

    public record PersonalisationJson(int level, String label, List<LevelJson> checks) {
    }

    public record LevelJson(int level, String label, boolean met, String condition, List<Evidence> evidence) {
    }

    public record FourRProfileJson(int episodes, int customers, List<ScoreJson> scores) {
    }

    public record ScoreJson(String stage, String name, Integer score, String measure, List<String> details) {
    }

    public record OfferingJson(String id, String name, String declaredExperience, String declaredArchitecture,
                               List<FirmEvidence.SupplierFacts> suppliers) {
    }

    public record TechnologyJson(String id, String name, String star) {
    }

    public record MoveJson(String experience, String architecture, List<String> missing) {
    }

    public static FirmJson of(FirmProfile p) {
        var f = p.firm();
        var ev = f.evidence();
        return new FirmJson(f.id(), f.summary().name(), f.description(), f.founded(), f.summary().status(), f.summary().type(),
                f.source(), new Ref(f.summary().parentId(), f.summary().parentName()), new Ref(f.marketId(), f.marketName()),
                new Ref(ev.declaredExperience() == null ? null : ev.declaredExperience().id(),
                        ev.declaredArchitecture() == null ? null : ev.declaredArchitecture().id()),
                p.placements().stream().map(FirmJson::placement).toList(), p.unplaced(),
                new PersonalisationJson(p.personalisation().value(), p.personalisation().level().map(PersonalisationLevel::label).orElse("none"),
                        p.personalisation().checks().stream().map(c -> new LevelJson(c.level().level(), c.level().label(), c.met(),
                                c.condition(), c.evidence())).toList()),
                new FourRProfileJson(p.fourR().episodes(), p.fourR().customers(), p.fourR().scores().stream()
                        .map(s -> new ScoreJson(s.stage().id(), s.name(), s.score().orElse(null), s.measure(), s.details())).toList()),
                ev.offerings().stream().map(o -> new OfferingJson(o.id(), o.name(),
                        o.declaredExperience() == null ? null : o.declaredExperience().id(),
                        o.declaredArchitecture() == null ? null : o.declaredArchitecture().id(), o.suppliers())).toList(),
                ev.touchpoints(),
                ev.technologies().stream().map(t -> new TechnologyJson(t.id(), t.name(), t.stage() == null ? null : t.stage().id())).toList(),
                ev.actors(), ev.flows(), ev.revenueModels(),
                p.otherCells().stream().map(m -> new MoveJson(m.experience().id(), m.architecture().id(),
                        m.missing().stream().map(Requirement::capability).toList())).toList());
    }

    static PlacementJson placement(Placement p) {
        return new PlacementJson(p.offeringId(), p.offeringName(), p.experience().id(), p.architecture().id(), p.basis(),
                p.experienceBasis().name().toLowerCase(java.util.Locale.ROOT), p.architectureBasis().name().toLowerCase(java.util.Locale.ROOT),
                p.conflicts(), p.evidence());
    }
}
