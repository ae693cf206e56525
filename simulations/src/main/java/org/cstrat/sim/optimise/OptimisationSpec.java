package org.cstrat.sim.optimise;

import java.util.List;
import org.cstrat.sim.model.Checks;

/**
 * An optimisation problem over one strategy of a scenario (the "current" strategy, whose settings the candidates
 * start from and are compared against), read from a scenario file's {@code optimisation} object.
 *
 * @param strategy name of the current strategy in the scenario
 * @param decisions the decision variables, at least one, each parameter at most once
 * @param objective what to maximise
 * @param constraints risk constraints (may be empty)
 * @param budget evaluations of the search (the current strategy's own evaluation included)
 * @param replications replications per search evaluation (every one on the same streams)
 * @param finalists best candidates re-evaluated on fresh streams
 * @param finalReplications replications of each re-evaluation
 */
public record OptimisationSpec(String strategy, List<Decision> decisions, Objective objective, List<RiskConstraint> constraints,
                               int budget, int replications, int finalists, int finalReplications) {
    public static final int BUDGET_DEFAULT = 100;
    public static final int BUDGET_MAX = 100_000;
    public static final int REPLICATIONS_DEFAULT = 200;
    public static final int FINALISTS_DEFAULT = 5;
    public static final int FINAL_REPLICATIONS_DEFAULT = 1000;

    public OptimisationSpec {
        Checks.name("optimisation.strategy", strategy);
        decisions = Checks.nonEmptyCopy("optimisation.decisions", decisions);
        Checks.present("optimisation.objective", objective);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        Checks.intRange("optimisation.budget", budget, 2, BUDGET_MAX);
        Checks.intRange("optimisation.replications", replications, 2, 1_000_000);
        Checks.intRange("optimisation.finalists", finalists, 1, 100);
        Checks.intRange("optimisation.finalReplications", finalReplications, 2, 10_000_000);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Decision d : decisions) {
            if (!seen.add(d.parameter())) {
                throw new IllegalArgumentException("optimisation.decisions: " + d.parameter() + " is declared twice");
            }
        }
    }

    public OptimisationSpec withBudget(int newBudget) {
        return new OptimisationSpec(strategy, decisions, objective, constraints, newBudget, replications, finalists, finalReplications);
    }

    /** Search replications {@code runs} and final replications the larger of {@code 5 × runs} and the file's. */
    public OptimisationSpec withReplications(int runs) {
        return new OptimisationSpec(strategy, decisions, objective, constraints, budget, runs, finalists,
                Math.max(finalReplications, (int) Math.min(10_000_000L, 5L * runs)));
    }

    /** Evaluations of a whole run at most: the budget plus the finalists and the current strategy re-evaluated. */
    public int maxEvaluations() {
        return budget + finalists + 1;
    }

    /** Replications of a whole run at most (for progress and work estimates). */
    public long maxReplications() {
        return (long) budget * replications + (long) (finalists + 1) * finalReplications;
    }
}
