package org.cstrat.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.cstrat.server.demo.SyntheticPopulation.BehaviourType;
import org.cstrat.server.demo.SyntheticPopulation.Initiator;
import org.cstrat.server.demo.SyntheticPopulation.Lifetime;
import org.cstrat.server.demo.SyntheticPopulation.Stage;
import org.cstrat.server.demo.SyntheticPopulation.Step;
import org.junit.jupiter.api.Test;

/**
 * The one demo generator's model and process against known answers: the same seed gives the same draws, shares of types
 * are recovered from a large population, every episode runs through the 4 Rs in order, offer response, spend and the
 * BG/NBD lifetime come out as their parameters say (each within 4 standard errors of the run's own estimate).
 */
class SyntheticPopulationTest {

    static final BehaviourType TYPE = new BehaviourType("t", 1.0, 6.0, 40.0, 0.5, 0.6, new Lifetime(3.0, 10.0));
    static final NormalDistribution NORMAL = new NormalDistribution();
    static final LocalDateTime NOON = LocalDateTime.of(2024, 3, 1, 12, 0);

    /** Within 4 standard errors of {@code expected}; {@code se} from the run's own sample. */
    static void within4Se(double observed, double expected, double se, String what) {
        assertThat(Math.abs(observed - expected)).as("%s: %.5f vs %.5f (SE %.5f)", what, observed, expected, se).isLessThan(4 * se);
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        SyntheticPopulation population = SyntheticCustomerData.POPULATION;
        List<Object> a = draws(population, 42);
        assertThat(draws(population, 42)).isEqualTo(a);
        assertThat(draws(population, 43)).isNotEqualTo(a);
    }

    private static List<Object> draws(SyntheticPopulation population, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SyntheticPopulation.Person person = population.person(random);
            out.add(person);
            for (SyntheticPopulation.EpisodeStart start : population.episodeStarts(random, person, new double[] {1, 2})) {
                out.add(start);
                out.addAll(SyntheticPopulation.episode(random, person.type(), start.at(), true, true));
            }
        }
        return out;
    }

    @Test
    void sharesOfTypesAreRecoveredFromALargePopulation() {
        List<SyntheticPopulation> populations = new ArrayList<>(DemoCustomers.POPULATIONS.values());
        populations.add(DemoCustomers.MOBILITY);
        populations.add(SyntheticCustomerData.POPULATION);
        int n = 100_000;
        for (SyntheticPopulation population : populations) {
            SplittableRandom random = new SplittableRandom(7);
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                SyntheticPopulation.Person person = population.person(random);
                counts.merge(person.type().id(), 1, Integer::sum);
                assertThat(person.since()).isBetween(population.window().firstDay(),
                        population.window().firstDay().plusDays(population.window().joinWithinDays() - 1));
            }
            for (BehaviourType t : population.types()) {
                double p = t.share();
                within4Se(counts.getOrDefault(t.id(), 0) / (double) n, p, Math.sqrt(p * (1 - p) / n), "share of " + t.id());
            }
        }
    }

    @Test
    void everyEpisodeRunsThroughTheFourRsInOrder() {
        SplittableRandom random = new SplittableRandom(11);
        int[] lengths = new int[5];
        for (int e = 0; e < 20_000; e++) {
            boolean identified = e % 2 == 0;
            boolean offersPossible = e % 3 != 0;
            List<Step> steps = SyntheticPopulation.episode(random, TYPE, NOON, identified, offersPossible);
            lengths[steps.size()]++;
            assertThat(steps).extracting(Step::stage)
                    .isSubsetOf(Stage.values())
                    .containsExactlyElementsOf(List.of(Stage.values()).subList(0, steps.size()));
            Step recognize = steps.get(0);
            assertThat(recognize.at()).isEqualTo(NOON);
            assertThat(recognize.personalised()).isEqualTo(recognize.initiatedBy() == Initiator.FIRM);
            if (!offersPossible) {
                assertThat(recognize.initiatedBy()).isEqualTo(Initiator.CUSTOMER);
            }
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i).at()).isAfter(steps.get(i - 1).at());
            }
            if (steps.size() >= 3) {
                assertThat(steps.get(1).initiatedBy()).isEqualTo(Initiator.CUSTOMER);
                Step respond = steps.get(2);
                assertThat(respond.initiatedBy()).isEqualTo(Initiator.FIRM);
                assertThat(respond.amount()).isPositive();
                assertThat(respond.satisfaction()).isBetween(1, 5);
                if (steps.size() == 4) {
                    assertThat(respond.satisfaction()).isGreaterThanOrEqualTo(SyntheticPopulation.REPEAT_MIN_SATISFACTION);
                    assertThat(steps.get(3).satisfaction()).isEqualTo(respond.satisfaction());
                }
            }
        }
        assertThat(lengths[2]).as("a request is always answered").isZero();
        assertThat(lengths[1]).as("some recognitions are not taken up").isPositive();
        assertThat(lengths[3]).isPositive();
        assertThat(lengths[4]).isPositive();
    }

    @Test
    void offerResponseSpendAndRepeatComeOutAsTheirParameters() {
        SplittableRandom random = new SplittableRandom(13);
        int offers = 0;
        int offersTaken = 0;
        int own = 0;
        int ownTaken = 0;
        int satisfied = 0;
        int repeated = 0;
        int identifiedSatisfied = 0;
        int identifiedResponds = 0;
        int unidentifiedSatisfied = 0;
        int unidentifiedResponds = 0;
        List<Double> amounts = new ArrayList<>();
        int n = 200_000;
        for (int e = 0; e < n; e++) {
            boolean identified = e % 2 == 0;
            List<Step> steps = SyntheticPopulation.episode(random, TYPE, NOON, identified, true);
            boolean offer = steps.get(0).initiatedBy() == Initiator.FIRM;
            boolean taken = steps.size() > 1;
            if (offer) {
                offers++;
                offersTaken += taken ? 1 : 0;
            } else {
                own++;
                ownTaken += taken ? 1 : 0;
            }
            if (taken) {
                Step respond = steps.get(2);
                amounts.add(respond.amount());
                boolean good = respond.satisfaction() >= SyntheticPopulation.REPEAT_MIN_SATISFACTION;
                if (good) {
                    satisfied++;
                    repeated += steps.size() == 4 ? 1 : 0;
                }
                if (identified) {
                    identifiedResponds++;
                    identifiedSatisfied += good ? 1 : 0;
                } else {
                    unidentifiedResponds++;
                    unidentifiedSatisfied += good ? 1 : 0;
                }
            }
        }
        within4Se(offers / (double) n, SyntheticPopulation.OFFER_SHARE, Math.sqrt(0.25 * 0.75 / n), "share of offers");
        within4Se(offersTaken / (double) offers, TYPE.offerResponse(), Math.sqrt(0.6 * 0.4 / offers), "offer response");
        double p = SyntheticPopulation.REQUEST_AFTER_OWN_RECOGNITION;
        within4Se(ownTaken / (double) own, p, Math.sqrt(p * (1 - p) / own), "requests after own recognition");
        double r = SyntheticPopulation.REPEAT_PROBABILITY;
        within4Se(repeated / (double) satisfied, r, Math.sqrt(r * (1 - r) / satisfied), "repeats of satisfied customers");
        // lognormal: E[exp(sigma Z + shift)] = exp(shift + sigma^2 / 2)
        double expected = TYPE.meanSpend() * Math.exp(SyntheticPopulation.SPEND_SHIFT
                + SyntheticPopulation.SPEND_SIGMA * SyntheticPopulation.SPEND_SIGMA / 2);
        double mean = amounts.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(amounts.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum() / (amounts.size() - 1));
        within4Se(mean, expected, sd / Math.sqrt(amounts.size()), "mean spend");
        // P(round(3.8 + 0.9 Z) >= 4) = P(Z >= -0.3 / 0.9); half a point lower unidentified: P(Z >= 0.2 / 0.9)
        double pIdentified = 1 - NORMAL.cumulativeProbability(-0.3 / 0.9);
        double pUnidentified = 1 - NORMAL.cumulativeProbability(0.2 / 0.9);
        within4Se(identifiedSatisfied / (double) identifiedResponds, pIdentified,
                Math.sqrt(pIdentified * (1 - pIdentified) / identifiedResponds), "satisfied when identified");
        within4Se(unidentifiedSatisfied / (double) unidentifiedResponds, pUnidentified,
                Math.sqrt(pUnidentified * (1 - pUnidentified) / unidentifiedResponds), "satisfied when not identified");
    }

    @Test
    void theLifetimeAndThePlacesComeOutAsTheirParameters() {
        // a window so long that only dropping out ends a person's episodes: N | p is geometric with mean 1 / p, and over
        // p ~ Beta(a, b) the mean number of episodes is (a + b - 1) / (a - 1)
        SyntheticPopulation forever = new SyntheticPopulation(List.of(TYPE),
                new SyntheticPopulation.Window(LocalDate.of(2000, 1, 1), 1_000_000_000, 1));
        SplittableRandom random = new SplittableRandom(17);
        int people = 40_000;
        double sum = 0;
        double sumSq = 0;
        long atFirst = 0;
        long episodes = 0;
        for (int i = 0; i < people; i++) {
            SyntheticPopulation.Person person = forever.person(random);
            List<SyntheticPopulation.EpisodeStart> starts = forever.episodeStarts(random, person, new double[] {1, 3});
            sum += starts.size();
            sumSq += (double) starts.size() * starts.size();
            for (int k = 0; k < starts.size(); k++) {
                SyntheticPopulation.EpisodeStart s = starts.get(k);
                atFirst += s.place() == 0 ? 1 : 0;
                assertThat(s.at().getHour()).isBetween(8, 19);
                if (k > 0) {
                    assertThat(s.at()).isAfterOrEqualTo(starts.get(k - 1).at().toLocalDate().atStartOfDay());
                }
            }
            episodes += starts.size();
        }
        double mean = sum / people;
        double sd = Math.sqrt((sumSq - people * mean * mean) / (people - 1));
        Lifetime l = TYPE.lifetime();
        within4Se(mean, (l.alpha() + l.beta() - 1) / (l.alpha() - 1), sd / Math.sqrt(people), "episodes before dropping out");
        within4Se(atFirst / (double) episodes, 0.25, Math.sqrt(0.25 * 0.75 / episodes), "share of episodes at the place of weight 1 of 4");
    }

    @Test
    void theModelRefusesWhatItCannotDraw() {
        assertThatThrownBy(() -> new BehaviourType("x", 1.2, 1, 1, 0.5, 0.5, new Lifetime(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share of 'x'");
        assertThatThrownBy(() -> new BehaviourType("x", 0.5, 1, 1, 1.5, 0.5, new Lifetime(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelPreference of 'x'");
        assertThatThrownBy(() -> new Lifetime(0.5, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifetime.alpha");
        var window = new SyntheticPopulation.Window(LocalDate.of(2024, 1, 1), 100, 10);
        BehaviourType half = new BehaviourType("half", 0.5, 1, 1, 0.5, 0.5, new Lifetime(1, 1));
        assertThatThrownBy(() -> new SyntheticPopulation(List.of(half), window))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shares must sum to 1");
        assertThatThrownBy(() -> new SyntheticPopulation(List.of(half, half), window))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'half' appears twice");
        SyntheticPopulation one = new SyntheticPopulation(List.of(TYPE), window);
        var person = one.person(new SplittableRandom(1));
        assertThatThrownBy(() -> one.episodeStarts(new SplittableRandom(1), person, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
    }
}
