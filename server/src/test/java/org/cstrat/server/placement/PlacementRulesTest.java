package org.cstrat.server.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.StarStage;
import org.cstrat.server.placement.FirmEvidence.ActorFacts;
import org.cstrat.server.placement.FirmEvidence.MoneyFlow;
import org.cstrat.server.placement.FirmEvidence.OfferingFacts;
import org.cstrat.server.placement.FirmEvidence.RevenueFacts;
import org.cstrat.server.placement.FirmEvidence.SupplierFacts;
import org.cstrat.server.placement.FirmEvidence.TechnologyFacts;
import org.cstrat.server.placement.FirmEvidence.TouchpointFacts;
import org.junit.jupiter.api.Test;

class PlacementRulesTest {

    /** A small builder of evidence, so each test states only what matters to it. */
    static final class Firm {
        final List<OfferingFacts> offerings = new ArrayList<>();
        final List<TouchpointFacts> touchpoints = new ArrayList<>();
        final List<TechnologyFacts> technologies = new ArrayList<>();
        final List<ActorFacts> actors = new ArrayList<>();
        final List<MoneyFlow> flows = new ArrayList<>();
        final List<RevenueFacts> revenue = new ArrayList<>();
        Experience declaredE;
        Architecture declaredA;

        Firm offering(String id, SupplierFacts... suppliers) {
            offerings.add(new OfferingFacts(id, id, null, null, List.of(suppliers)));
            return this;
        }

        Firm declaredOffering(String id, Experience e, Architecture a, SupplierFacts... suppliers) {
            offerings.add(new OfferingFacts(id, id, e, a, List.of(suppliers)));
            return this;
        }

        Firm tp(String id, String initiative, String... supports) {
            touchpoints.add(new TouchpointFacts(id, id, initiative, "app", "App", false, false, false, List.of(supports)));
            return this;
        }

        Firm tp(String id, String initiative, boolean feedback, boolean standing) {
            touchpoints.add(new TouchpointFacts(id, id, initiative, "app", "App", false, feedback, standing, List.of()));
            return this;
        }

        Firm tech(String id, StarStage stage) {
            technologies.add(new TechnologyFacts(id, id, stage));
            return this;
        }

        Firm customerPays() {
            revenue.add(new RevenueFacts("fee", "Fee", "flat_price", "customer", "ride", 10.0, null, null, null));
            return this;
        }

        FirmEvidence build() {
            return new FirmEvidence("f", "F", declaredE, declaredA, offerings, touchpoints, technologies, actors, flows, revenue);
        }
    }

    static SupplierFacts self() {
        return new SupplierFacts("f", "F", true, true, "", "", false);
    }

    static SupplierFacts actor(String id, String kind, String role, boolean paysFirm) {
        return new SupplierFacts(id, id, false, false, kind, role, paysFirm);
    }

    static List<String> cells(FirmEvidence f) {
        return PlacementRules.place(f).placements().stream()
                .map(p -> p.offeringId() + ":" + p.experience().id() + "/" + p.architecture().id()).toList();
    }

    @Test
    void customerTouchpointsAloneRespondToDesire() {
        var f = new Firm().offering("o", self()).tp("app", "customer").tp("receipt", "firm_notify").build();
        assertThat(cells(f)).containsExactly("o:respond_to_desire/connected_producer");
        Placement p = PlacementRules.place(f).placements().get(0);
        assertThat(p.evidence()).extracting(Evidence::id).contains("app", "o->f");
        assertThat(p.declared()).isFalse();
    }

    @Test
    void curatedNeedsAnAnalyzeTechnologyAsWellAsACuratedTouchpoint() {
        var without = new Firm().offering("o", self()).tp("app", "customer").tp("menu", "firm_curated").build();
        assertThat(cells(without)).containsExactly("o:respond_to_desire/connected_producer");
        var with = new Firm().offering("o", self()).tp("app", "customer").tp("menu", "firm_curated").tech("rec", StarStage.ANALYZE).build();
        assertThat(cells(with)).containsExactly("o:curated_offering/connected_producer");
        assertThat(PlacementRules.place(with).placements().get(0).evidence()).extracting(Evidence::id).contains("menu", "rec");
    }

    @Test
    void coachNeedsSensingAndAutomaticNeedsAStandingAuthorisationSenseAndReact() {
        var coach = new Firm().offering("o", self()).tp("nudge", "firm_coach").tech("scale", StarStage.SENSE).build();
        assertThat(cells(coach)).containsExactly("o:coach_behavior/connected_producer");

        var noAuthorisation = new Firm().offering("o", self()).tp("app", "customer").tp("auto", "firm_automatic", false, false)
                .tech("cgm", StarStage.SENSE).tech("pump", StarStage.REACT).build();
        assertThat(cells(noAuthorisation)).containsExactly("o:respond_to_desire/connected_producer");

        var automatic = new Firm().offering("o", self()).tp("auto", "firm_automatic", false, true)
                .tp("nudge", "firm_coach").tech("cgm", StarStage.SENSE).tech("pump", StarStage.REACT).build();
        assertThat(cells(automatic)).containsExactlyInAnyOrder("o:coach_behavior/connected_producer", "o:automatic_execution/connected_producer");
    }

    @Test
    void touchpointsThatSupportOneOfferingPlaceOnlyThatOffering() {
        var f = new Firm().offering("rental", self()).offering("gold", self())
                .tp("counter", "customer").tp("board", "firm_curated", "gold").tech("crm", StarStage.ANALYZE).build();
        assertThat(cells(f)).containsExactly("rental:respond_to_desire/connected_producer", "gold:curated_offering/connected_producer");
    }

    @Test
    void columnsFollowWhoSuppliesTheOfferingAndWhoPays() {
        assertThat(cells(new Firm().offering("o", actor("makers", "organisation", "producer", false)).tp("a", "customer").customerPays().build()))
                .containsExactly("o:respond_to_desire/connected_retailer");
        assertThat(cells(new Firm().offering("o", actor("makers", "organisation", "producer", false)).tp("a", "customer").build()))
                .as("a retailer needs customers who pay").isEmpty();
        assertThat(cells(new Firm().offering("o", actor("dealers", "organisation", "partner", true)).tp("a", "customer").build()))
                .containsExactly("o:respond_to_desire/market_maker");
        assertThat(cells(new Firm().offering("o", actor("drivers", "crowd", "crowd_supplier", true)).tp("a", "customer").build()))
                .as("a paying crowd is still a crowd").containsExactly("o:respond_to_desire/crowd_orchestrator");
        assertThat(cells(new Firm().offering("o", actor("members", "crowd", "peer", false)).tp("a", "customer").build()))
                .containsExactly("o:respond_to_desire/peer_to_peer");
    }

    @Test
    void anOfferingWithoutSupplierOrTouchpointIsUnplacedWithAReason() {
        var f = new Firm().offering("o").tp("a", "customer").build();
        var placed = PlacementRules.place(f);
        assertThat(placed.placements()).isEmpty();
        assertThat(placed.unplaced()).singleElement().satisfies(u -> assertThat(u.reason()).contains("SUPPLIED_BY"));
        var silent = PlacementRules.place(new Firm().offering("o", self()).build());
        assertThat(silent.unplaced().get(0).reason()).contains("no row");
    }

    @Test
    void aDeclaredPlacementOverridesTheEvidenceAndKeepsTheConflict() {
        var f = new Firm().declaredOffering("pill", Experience.AUTOMATIC_EXECUTION, Architecture.CONNECTED_PRODUCER, self())
                .tp("remind", "firm_coach").tech("sensor", StarStage.SENSE).build();
        Placement p = PlacementRules.place(f).placements().get(0);
        assertThat(p.experience()).isEqualTo(Experience.AUTOMATIC_EXECUTION);
        assertThat(p.experienceBasis()).isEqualTo(Placement.Basis.DECLARED);
        assertThat(p.conflicts()).singleElement().satisfies(c -> assertThat(c)
                .contains("Declared Automatic execution", "Coach behavior", "standing authorisation"));
        assertThat(p.evidence()).extracting(Evidence::label).contains("DECLARED_EXPERIENCE");

        var agreeing = new Firm().declaredOffering("o", Experience.COACH_BEHAVIOR, null, self())
                .tp("remind", "firm_coach").tech("sensor", StarStage.SENSE).build();
        Placement q = PlacementRules.place(agreeing).placements().get(0);
        assertThat(q.conflicts()).isEmpty();
        assertThat(q.architectureBasis()).isEqualTo(Placement.Basis.INFERRED);
    }

    @Test
    void aFirmLevelDeclarationPlacesAFirmWithoutOfferings() {
        Firm builder = new Firm();
        builder.declaredE = Experience.CURATED_OFFERING;
        builder.declaredA = Architecture.MARKET_MAKER;
        assertThat(cells(builder.build())).containsExactly("f:curated_offering/market_maker");
    }

    @Test
    void personalisationClimbsTheLadderOneLevelAtATime() {
        var base = new Firm().tp("a", "customer");
        assertThat(PlacementRules.personalisation(base.build(), Optional.empty()).level()).contains(PersonalisationLevel.UNIFIED);
        assertThat(PlacementRules.personalisation(base.build(), Optional.of(0.3)).level()).isEmpty();
        base.tech("crm", StarStage.ANALYZE);
        assertThat(PlacementRules.personalisation(base.build(), Optional.of(0.8)).value()).isEqualTo(2);
        base.tp("auto", "firm_automatic", false, true);
        assertThat(PlacementRules.personalisation(base.build(), Optional.empty()).value()).as("no feedback: stuck at 2").isEqualTo(2);
        base.tp("rate", "firm_notify", true, false);
        var p = PlacementRules.personalisation(base.build(), Optional.empty());
        assertThat(p.level()).contains(PersonalisationLevel.TRUSTED_PARTNER);
        assertThat(p.checks()).allMatch(PlacementRules.LevelCheck::met);
    }

    @Test
    void moveAssessmentListsWhatIsMissingForEveryCell() {
        var f = new Firm().offering("o", self()).tp("a", "customer").tech("gps", StarStage.SENSE).customerPays().build();
        var moves = PlacementRules.moves(f, Set.of(PlacementRules.cellKey(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_PRODUCER)));
        assertThat(moves).hasSize(20);
        var auto = moves.stream().filter(m -> m.experience() == Experience.AUTOMATIC_EXECUTION && m.architecture() == Architecture.CONNECTED_PRODUCER)
                .findFirst().orElseThrow();
        assertThat(auto.occupied()).isFalse();
        assertThat(auto.missingEssential()).extracting(Requirement::capability)
                .anySatisfy(c -> assertThat(c).contains("standing authorisation"))
                .anySatisfy(c -> assertThat(c).contains("react-stage"))
                .noneSatisfy(c -> assertThat(c).contains("sense-stage"));
        assertThat(auto.missing()).extracting(Requirement::capability).anySatisfy(c -> assertThat(c).contains("trust level"));
        var crowd = moves.stream().filter(m -> m.experience() == Experience.RESPOND_TO_DESIRE && m.architecture() == Architecture.CROWD_ORCHESTRATOR)
                .findFirst().orElseThrow();
        assertThat(crowd.missingEssential()).extracting(Requirement::capability).singleElement()
                .satisfies(c -> assertThat(c).contains("crowd"));
        assertThat(moves.stream().filter(PlacementRules.Move::occupied)).hasSize(1);
    }
}
