package org.cstrat.sim.optimise;

import java.util.List;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.Strategy;

/**
 * What an optimisation found.
 *
 * @param status {@link Status#OPTIMAL} when the best candidate met every constraint on its re-evaluation,
 *        {@link Status#INFEASIBLE} when none did (then {@code best} is the least-violating one)
 * @param objective what was maximised, e.g. "mean NPV"
 * @param decisions the decision paths, in the order of every candidate's values
 * @param best the chosen candidate, re-evaluated on fresh streams
 * @param current the current strategy, re-evaluated on the same fresh streams as the finalists
 * @param probabilityBestBeatsCurrent share of the fresh replications in which the best candidate's objective output
 *        (NPV or CLV) exceeds the current strategy's, paired on common random numbers (0 when the best is the current)
 * @param runnersUp the other finalists, best first
 * @param nearOptimal per continuous decision, the range of values among the search's feasible candidates whose objective
 *        is not significantly below the search's best (one-sided 5 %, Bonferroni over the candidates compared, paired on
 *        common random numbers for a mean)
 * @param search every evaluation of the search, in order
 * @param method the algorithm, in words
 * @param evaluations simulations run in all (search and re-evaluation)
 * @param evaluationsPerSecond search evaluations per second of wall-clock time
 */
public record OptimisationResult(String scenario, String strategy, String currency, String engineVersion, long seed, long finalSeed,
                                 Status status, String objective, List<String> decisions, Candidate best, Candidate current,
                                 double probabilityBestBeatsCurrent, List<Candidate> runnersUp, List<Range> nearOptimal,
                                 List<TracePoint> search, String method, int searchReplications, int finalReplications,
                                 int evaluations, long elapsedMillis, double evaluationsPerSecond) {
    /** Whether the best candidate met every constraint. */
    public enum Status { OPTIMAL, INFEASIBLE }

    public OptimisationResult {
        Checks.name("scenario", scenario);
        Checks.present("status", status);
        decisions = List.copyOf(decisions);
        runnersUp = List.copyOf(runnersUp);
        nearOptimal = List.copyOf(nearOptimal);
        search = List.copyOf(search);
    }

    /** True when the best candidate is the current strategy's own settings. */
    public boolean currentIsBest() {
        return best.values().equals(current.values());
    }

    /**
     * A re-evaluated candidate.
     *
     * @param values the decision values as text, one per decision
     * @param coordinates the decision values as numbers (a discrete value by its index in the set)
     * @param objective the objective's estimate; {@code low} and {@code high} its 95 % confidence interval (normal for a
     *        mean, distribution-free order statistics for a quantile)
     * @param meanNpv mean NPV, whatever the objective
     * @param npv the NPV's distribution over the evaluation's replications
     * @param strategy the candidate as a strategy (its parameters may differ from the scenario's where a decision is on
     *        {@code parameters.…})
     * @param replications replications of this evaluation
     */
    public record Candidate(List<String> values, List<Double> coordinates, double objective, double standardError, double low,
                            double high, double meanNpv, org.cstrat.sim.stats.Distribution npv, List<ConstraintCheck> constraints, boolean feasible, double violation,
                            Strategy strategy, int replications) {
        public Candidate {
            values = List.copyOf(values);
            coordinates = List.copyOf(coordinates);
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * One constraint of one candidate.
     *
     * @param index position in the file's {@code optimisation.constraints}
     * @param value the measured quantity (P(NPV &lt; 0), the dispersion ratio, mean customers at the horizon)
     */
    public record ConstraintCheck(int index, String constraint, double value, double limit, boolean held) {
    }

    /** The near-optimal range of one continuous decision. */
    public record Range(String parameter, double low, double high, double best) {
    }

    /**
     * One search evaluation.
     *
     * @param phase {@code current}, {@code screen} (discrete combination at the current continuous values) or {@code search}
     * @param bestSoFar the best feasible objective found up to and including this evaluation (NaN while none is feasible)
     */
    public record TracePoint(int index, String phase, List<String> values, List<Double> coordinates, double objective,
                             double standardError, boolean feasible, double violation, double bestSoFar) {
        public TracePoint {
            values = List.copyOf(values);
            coordinates = List.copyOf(coordinates);
        }
    }
}
