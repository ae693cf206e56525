package org.cstrat.server.placement;

import java.util.List;
import java.util.Objects;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.StarStage;

/**
 * Everything the graph holds about one firm that bears on its placement: offerings and who supplies
 * them, touchpoints, technologies, actors, money flows and revenue models. Plain data, read by
 * {@link PlacementRules}; the graph adapter fills it in.
 *
 * @param declaredExperience   firm-level declared row ({@code (:Firm)-[:DECLARED_EXPERIENCE]->}), or null
 * @param declaredArchitecture firm-level declared column, or null
 */
public record FirmEvidence(String firmId, String firmName, Experience declaredExperience, Architecture declaredArchitecture,
                           List<OfferingFacts> offerings, List<TouchpointFacts> touchpoints,
                           List<TechnologyFacts> technologies, List<ActorFacts> actors,
                           List<MoneyFlow> flows, List<RevenueFacts> revenueModels) {

    public FirmEvidence {
        Objects.requireNonNull(firmId, "firmId");
        firmName = firmName == null ? firmId : firmName;
        offerings = List.copyOf(offerings);
        touchpoints = List.copyOf(touchpoints);
        technologies = List.copyOf(technologies);
        actors = List.copyOf(actors);
        flows = List.copyOf(flows);
        revenueModels = List.copyOf(revenueModels);
    }

    /** An offering, its declared cell (either part may be null) and who supplies it. */
    public record OfferingFacts(String id, String name, Experience declaredExperience, Architecture declaredArchitecture,
                                List<SupplierFacts> suppliers) {
        public OfferingFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            suppliers = List.copyOf(suppliers);
        }

        /** Who supplies it, for display: "the firm itself" or the actors' names. */
        public String supplierNames() {
            return String.join(", ", suppliers.stream().map(s -> s.self() ? "the firm itself" : s.name()).toList());
        }
    }

    /**
     * A target of {@code SUPPLIED_BY}: the firm itself ({@code self}), another firm, or an actor with its
     * kind, its role towards the firm ({@code HAS_ACTOR.role}, null if not in the firm's ecosystem) and
     * whether it pays the firm ({@code PAYS} or a revenue model {@code PAID_BY} it).
     */
    public record SupplierFacts(String id, String name, boolean self, boolean firm, String kind, String role,
                                boolean paysFirm) {
        public SupplierFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            kind = kind == null ? "" : kind;
            role = role == null ? "" : role;
        }
    }

    /** A touchpoint; {@code supports} lists the offerings it is limited to (empty: all the firm's offerings). */
    public record TouchpointFacts(String id, String name, String initiative, String channelId, String channelName,
                                  boolean momentOfTruth, boolean collectsFeedback, boolean standingAuthorisation,
                                  List<String> supports) {
        public TouchpointFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            initiative = initiative == null ? "" : initiative;
            channelId = channelId == null ? "" : channelId;
            channelName = channelName == null ? channelId : channelName;
            supports = List.copyOf(supports);
        }

        public boolean appliesTo(String offeringId) {
            return supports.isEmpty() || supports.contains(offeringId);
        }
    }

    /** A technology at its STAR stage (null when the stored stage is not one of the four). */
    public record TechnologyFacts(String id, String name, StarStage stage) {
        public TechnologyFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
        }
    }

    /** An actor of the firm's ecosystem and its role towards the firm. */
    public record ActorFacts(String id, String name, String kind, String role) {
        public ActorFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            kind = kind == null ? "" : kind;
            role = role == null ? "" : role;
        }
    }

    /** A {@code PAYS} relationship between the firm and an actor. */
    public record MoneyFlow(String fromId, String fromName, String toId, String toName, String what) {
        public MoneyFlow {
            Objects.requireNonNull(fromId, "fromId");
            Objects.requireNonNull(toId, "toId");
            what = what == null ? "" : what;
        }
    }

    /** A revenue model; {@code paidById} names the actor under {@code PAID_BY}, or is null. */
    public record RevenueFacts(String id, String name, String kind, String payer, String unit, Double price,
                               String indicator, String paidById, String paidByName) {
        public RevenueFacts {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            kind = kind == null ? "" : kind;
            payer = payer == null ? "" : payer;
            unit = unit == null ? "" : unit;
        }

        public boolean paidByCustomer() {
            return "customer".equals(payer);
        }
    }
}
