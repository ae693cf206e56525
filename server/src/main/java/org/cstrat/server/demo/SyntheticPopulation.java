package org.cstrat.server.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The one generator of the demo's synthetic customers: a population of behaviour types, the people drawn from it, when
 * each person's episodes happen, and each episode's steps through the 4 Rs (Recognize, Request, Respond, Repeat).
 * Deterministic: everything is drawn from the {@link SplittableRandom} the caller hands in, in a fixed order.
 *
 * <p>Two thin outputs write what it draws: {@link DemoCustomers}, the demo markets' clean single-source view (graph rows
 * for {@code cypher/demo/customers.cypher}), and {@link SyntheticCustomerData}, one firm's exports from several source
 * systems with their identity noise (the CSV files of {@code cstrat import}). Neither draws episodes of its own.
 *
 * <p>The model:
 * <ul>
 * <li><b>Behaviour type</b> ({@link BehaviourType}): share of the population, episode rate, mean spend, channel
 *     preference, response to personalised offers and lifetime.</li>
 * <li><b>Episode timing</b> ({@link #episodeStarts}): a BG/NBD process (Fader, Hardie and Lee 2005, "Counting your
 *     customers the easy way"): a person's episode rate is gamma-distributed around the type's rate (shape
 *     {@value #RATE_SHAPE}), inter-episode times are exponential, and after each episode the person drops out with a
 *     probability drawn once per person from the type's lifetime, a beta distribution. Each episode happens at one of
 *     the person's places (source systems, or firms), chosen in proportion to weights the output gives.</li>
 * <li><b>Episode</b> ({@link #episode}): with probability {@value #OFFER_SHARE} (where the firm can reach the person) the
 *     firm recognises a need and sends a personalised offer, which the person takes up with the type's offer response;
 *     otherwise the person recognises the need and goes on to request with probability
 *     {@value #REQUEST_AFTER_OWN_RECOGNITION}. A request is answered (Respond) with a lognormal amount around the type's
 *     mean spend and a satisfaction score 1-5, half a point lower when the person was not identified; a satisfied
 *     person (score {@value #REPEAT_MIN_SATISFACTION} or more) repeats (feedback, the next booking) with probability
 *     {@value #REPEAT_PROBABILITY}.</li>
 * </ul>
 */
public final class SyntheticPopulation {

    /** Shape of the gamma distribution of a person's episode rate around the type's (mean 1 after scaling). */
    public static final double RATE_SHAPE = 2.0;
    /** Share of episodes the firm starts with a personalised offer, where it can reach the person. */
    public static final double OFFER_SHARE = 0.25;
    /** Probability that a person who recognised a need themselves goes on to request. */
    public static final double REQUEST_AFTER_OWN_RECOGNITION = 0.75;
    /** Lowest satisfaction score after which a person may repeat. */
    public static final int REPEAT_MIN_SATISFACTION = 4;
    /** Probability that a satisfied person repeats. */
    public static final double REPEAT_PROBABILITY = 0.4;
    /** Mean satisfaction of an identified person's episode before rounding and clamping to 1-5. */
    public static final double SATISFACTION_MEAN = 3.8;
    /** How much lower an episode of a person the firm did not identify is scored: a less fitting response. */
    public static final double UNIDENTIFIED_PENALTY = 0.5;
    /** Standard deviation of the satisfaction score. */
    public static final double SATISFACTION_SD = 0.9;
    /** Log-scale standard deviation of a respond's amount. */
    public static final double SPEND_SIGMA = 0.35;
    /** Log-scale shift of a respond's amount. */
    public static final double SPEND_SHIFT = -0.06;

    /** Stages of an episode, in the order they happen. */
    public enum Stage {
        RECOGNIZE, REQUEST, RESPOND, REPEAT;

        /** The stage as the rows and files write it: {@code recognize}, {@code request}, ... */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who starts a step. */
    public enum Initiator {
        CUSTOMER, FIRM;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The lifetime of a type as BG/NBD has it: after each episode a person drops out with probability {@code p}, drawn
     * once per person from Beta({@code alpha}, {@code beta}); the expected number of episodes before dropping out,
     * averaged over people, is {@code (alpha + beta - 1) / (alpha - 1)} for {@code alpha > 1}.
     */
    public record Lifetime(double alpha, double beta) {
        public Lifetime {
            if (!(alpha >= 1) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("lifetime.alpha: must be at least 1 (the gamma sampler's range), got " + alpha);
            }
            if (!(beta >= 1) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("lifetime.beta: must be at least 1 (the gamma sampler's range), got " + beta);
            }
        }
    }

    /**
     * A behaviour type (a segment): its share of the population; its episode rate, mean episodes per place (source
     * system or firm) per 360 days; its mean spend per respond; its channel preference, from 0 (the shop floor) to 1
     * (the app); its response to personalised offers, the probability an offer is taken up; and its lifetime.
     */
    public record BehaviourType(String id, double share, double episodeRate, double meanSpend, double channelPreference,
                                double offerResponse, Lifetime lifetime) {
        public BehaviourType {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id: a behaviour type needs an id");
            }
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share of '" + id + "': must be in (0, 1], got " + share);
            }
            if (!(episodeRate > 0) || !Double.isFinite(episodeRate)) {
                throw new IllegalArgumentException("episodeRate of '" + id + "': must be positive, got " + episodeRate);
            }
            if (!(meanSpend > 0) || !Double.isFinite(meanSpend)) {
                throw new IllegalArgumentException("meanSpend of '" + id + "': must be positive, got " + meanSpend);
            }
            if (!(channelPreference >= 0 && channelPreference <= 1)) {
                throw new IllegalArgumentException("channelPreference of '" + id + "': must be in [0, 1], got " + channelPreference);
            }
            if (!(offerResponse >= 0 && offerResponse <= 1)) {
                throw new IllegalArgumentException("offerResponse of '" + id + "': must be in [0, 1], got " + offerResponse);
            }
            Objects.requireNonNull(lifetime, () -> "lifetime of '" + id + "'");
        }
    }

    /** The calendar people join and act in: the first day, how many days in all, and within how many days people join. */
    public record Window(LocalDate firstDay, int days, int joinWithinDays) {
        public Window {
            Objects.requireNonNull(firstDay, "firstDay");
            if (days < 1) {
                throw new IllegalArgumentException("days: must be positive, got " + days);
            }
            if (joinWithinDays < 1 || joinWithinDays > days) {
                throw new IllegalArgumentException("joinWithinDays: must be in [1, days=" + days + "], got " + joinWithinDays);
            }
        }
    }

    /** A person drawn from the population: their behaviour type and the day they became a customer. */
    public record Person(BehaviourType type, LocalDate since) {
        public Person {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(since, "since");
        }
    }

    /** When an episode starts and at which of the person's places (an index into the weights given). */
    public record EpisodeStart(int place, LocalDateTime at) {
    }

    /**
     * One step of an episode: its stage, when, who starts it, whether it is part of a personalised offer, and for a
     * respond the amount and for a respond or repeat the satisfaction score (else null).
     */
    public record Step(Stage stage, LocalDateTime at, Initiator initiatedBy, boolean personalised, Double amount, Integer satisfaction) {
        public Step {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(initiatedBy, "initiatedBy");
        }

        /** Whether the step goes through the firm's own channel (an offer) rather than the person's. */
        public boolean throughFirmChannel() {
            return stage == Stage.RECOGNIZE && initiatedBy == Initiator.FIRM;
        }
    }

    private final List<BehaviourType> types;
    private final Window window;

    /**
     * @param types  the behaviour types, in the order a uniform draw walks their shares; shares must sum to 1
     * @param window the calendar
     */
    public SyntheticPopulation(List<BehaviourType> types, Window window) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(window, "window");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types: a population needs at least one behaviour type");
        }
        Set<String> ids = new HashSet<>();
        double total = 0;
        for (BehaviourType t : types) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("types: behaviour type '" + t.id() + "' appears twice");
            }
            total += t.share();
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("types: shares must sum to 1, got " + total + " for " + ids);
        }
        this.types = List.copyOf(types);
        this.window = window;
    }

    public List<BehaviourType> types() {
        return types;
    }

    public Window window() {
        return window;
    }

    /** Draws a person: a behaviour type by its share (one uniform), then the day they joined (one integer). */
    public Person person(SplittableRandom random) {
        BehaviourType type = type(random.nextDouble());
        return new Person(type, window.firstDay().plusDays(random.nextInt(window.joinWithinDays())));
    }

    /** The behaviour type a uniform {@code u} in [0, 1) falls on, walking the shares in order. */
    BehaviourType type(double u) {
        double cumulative = 0;
        for (BehaviourType t : types) {
            cumulative += t.share();
            if (u < cumulative) {
                return t;
            }
        }
        return types.get(types.size() - 1);
    }

    /**
     * The starts of a person's episodes until the end of the window or until they drop out, in time order (BG/NBD, see
     * the class comment), each at one of the person's places chosen in proportion to {@code weights}; the person's rate
     * grows with the number of places (each place sees the type's rate). The time of day is between 08:00 and 19:59.
     */
    public List<EpisodeStart> episodeStarts(SplittableRandom random, Person person, double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights: a person needs at least one place for episodes");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights: each must be positive, got " + w);
            }
            total += w;
        }
        BehaviourType type = person.type();
        double rate = gamma(random, RATE_SHAPE) / RATE_SHAPE * type.episodeRate() * weights.length / 360.0;
        double dropout = beta(random, type.lifetime().alpha(), type.lifetime().beta());
        double horizon = window.days() - person.since().toEpochDay() + window.firstDay().toEpochDay();
        List<EpisodeStart> starts = new ArrayList<>();
        double day = 0;
        while (true) {
            day += -StrictMath.log(1 - random.nextDouble()) / rate;
            if (day >= horizon) {
                break;
            }
            double u = random.nextDouble() * total;
            int place = weights.length - 1;
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0) {
                    place = i;
                    break;
                }
            }
            starts.add(new EpisodeStart(place,
                    person.since().atStartOfDay().plusMinutes((long) (day * 1440)).withHour(8 + random.nextInt(12))));
            if (random.nextDouble() < dropout) {
                break;
            }
        }
        return starts;
    }

    /**
     * The steps of one episode of a person of {@code type} starting at {@code start}: a recognize, then, if the person
     * takes it up, request and respond, then perhaps a repeat (see the class comment). {@code identified}: whether the
     * firm knows who the person is in this episode; {@code offersPossible}: whether the firm can reach the person with
     * a personalised offer at all (with no channel of its own to do it, every episode starts with the person).
     */
    public static List<Step> episode(SplittableRandom random, BehaviourType type, LocalDateTime start, boolean identified,
                                     boolean offersPossible) {
        boolean offer = offersPossible && random.nextDouble() < OFFER_SHARE;
        List<Step> steps = new ArrayList<>(4);
        steps.add(new Step(Stage.RECOGNIZE, start, offer ? Initiator.FIRM : Initiator.CUSTOMER, offer, null, null));
        boolean takesUp = random.nextDouble() < (offer ? type.offerResponse() : REQUEST_AFTER_OWN_RECOGNITION);
        if (!takesUp) {
            return steps;
        }
        LocalDateTime request = start.plusMinutes(2 + random.nextInt(30));
        steps.add(new Step(Stage.REQUEST, request, Initiator.CUSTOMER, offer, null, null));
        double amount = Math.round(type.meanSpend() * StrictMath.exp(SPEND_SIGMA * gaussian(random) + SPEND_SHIFT) * 100.0) / 100.0;
        double score = SATISFACTION_MEAN - (identified ? 0 : UNIDENTIFIED_PENALTY) + SATISFACTION_SD * gaussian(random);
        int satisfaction = (int) Math.max(1, Math.min(5, Math.round(score)));
        steps.add(new Step(Stage.RESPOND, request.plusMinutes(1 + random.nextInt(20)), Initiator.FIRM, offer, amount, satisfaction));
        if (satisfaction >= REPEAT_MIN_SATISFACTION && random.nextDouble() < REPEAT_PROBABILITY) {
            steps.add(new Step(Stage.REPEAT, request.plusHours(2 + random.nextInt(40)), Initiator.CUSTOMER, false, null, satisfaction));
        }
        return steps;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), shape >= 1. */
    static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as X / (X + Y) of two gammas. */
    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    /** Box-Muller, one value per call (two uniforms). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
