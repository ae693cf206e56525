package org.cstrat.sim.model;

import org.cstrat.framework.Experience;

/**
 * One number per connected customer experience (a row of the matrix). The range of each value
 * is checked by the record that holds it, since the same shape carries fits, costs and thresholds.
 */
public record ExperienceValues(
        @Param("value for respond to desire") double respondToDesire,
        @Param("value for curated offering") double curatedOffering,
        @Param("value for coach behavior") double coachBehavior,
        @Param("value for automatic execution") double automaticExecution) {

    public ExperienceValues {
        for (double v : new double[] {respondToDesire, curatedOffering, coachBehavior, automaticExecution}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("experience values must be finite, was " + v);
            }
        }
    }

    public static ExperienceValues of(double rtd, double curated, double coach, double automatic) {
        return new ExperienceValues(rtd, curated, coach, automatic);
    }

    public double get(Experience e) {
        return switch (e) {
            case RESPOND_TO_DESIRE -> respondToDesire;
            case CURATED_OFFERING -> curatedOffering;
            case COACH_BEHAVIOR -> coachBehavior;
            case AUTOMATIC_EXECUTION -> automaticExecution;
        };
    }

    /** Values in {@link Experience#ordinal()} order. */
    public double[] toArray() {
        return new double[] {respondToDesire, curatedOffering, coachBehavior, automaticExecution};
    }

    /** Checks every value lies in [min, max]; the message names {@code field} and the experience. */
    ExperienceValues check(String field, double min, double max) {
        for (Experience e : Experience.values()) {
            Checks.range(field + "." + e.id(), get(e), min, max);
        }
        return this;
    }
}
