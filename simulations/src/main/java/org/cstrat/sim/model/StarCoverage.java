package org.cstrat.sim.model;

import org.cstrat.framework.StarStage;

/**
 * How much of the customers' need episodes each STAR stage of the firm's technology stack covers.
 * Recognising a need needs Sense, Transmit and Analyze; acting on it first needs React as well.
 */
public record StarCoverage(
        @Param(value = "share of need episodes the firm can sense (devices, apps, data feeds)", unit = "probability", min = 0, max = 1)
        double sense,
        @Param(value = "share of sensed data that reaches the firm", unit = "probability", min = 0, max = 1)
        double transmit,
        @Param(value = "share of transmitted signals the firm turns into a recognised need", unit = "probability", min = 0, max = 1)
        double analyze,
        @Param(value = "share of recognised needs the firm acts on before the customer asks, when the delivered experience is coach behavior or automatic execution", unit = "probability", min = 0, max = 1)
        double react) {

    public StarCoverage {
        Checks.probability("star.sense", sense);
        Checks.probability("star.transmit", transmit);
        Checks.probability("star.analyze", analyze);
        Checks.probability("star.react", react);
    }

    public static StarCoverage defaults() {
        return new StarCoverage(0.8, 0.9, 0.7, 0.8);
    }

    /** Probability that a consenting customer's need episode is recognised: sense × transmit × analyze. */
    public double recognition() {
        return sense * transmit * analyze;
    }

    public double get(StarStage stage) {
        return switch (stage) {
            case SENSE -> sense;
            case TRANSMIT -> transmit;
            case ANALYZE -> analyze;
            case REACT -> react;
        };
    }
}
