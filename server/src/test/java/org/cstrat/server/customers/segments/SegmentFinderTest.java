package org.cstrat.server.customers.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Recovery of known clusters from generated behaviour. */
class SegmentFinderTest {

    /** Three behaviour types: loyal app users, lapsed big spenders in store, phone customers who respond to offers. */
    static List<BehaviourFeatures> generate(int perType, long seed, Map<String, Integer> truth) {
        SplittableRandom r = new SplittableRandom(seed);
        List<BehaviourFeatures> out = new ArrayList<>();
        for (int type = 0; type < 3; type++) {
            for (int i = 0; i < perType; i++) {
                String id = "c" + type + "-" + i;
                truth.put(id, type);
                double noise = r.nextDouble() * 0.1;
                BehaviourFeatures f = switch (type) {
                    case 0 -> new BehaviourFeatures(id, 5 + r.nextDouble() * 10, 20 + r.nextInt(10), 20 + r.nextDouble() * 10,
                            List.of(0.9 - noise, 0.0, 0.1 + noise, 0.0), 0.1 + r.nextDouble() * 0.1);
                    case 1 -> new BehaviourFeatures(id, 200 + r.nextDouble() * 60, 1 + r.nextInt(3), 200 + r.nextDouble() * 80,
                            List.of(0.1, 0.0, 0.9 - noise, noise), 0.0);
                    default -> new BehaviourFeatures(id, 60 + r.nextDouble() * 30, 5 + r.nextInt(4), 60 + r.nextDouble() * 20,
                            List.of(0.2, 0.7 - noise, 0.1 + noise, 0.0), 0.7 + r.nextDouble() * 0.2);
                };
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void recoversThreeKnownSegmentsAndChoosesKByTheSilhouette() {
        Map<String, Integer> truth = new HashMap<>();
        SegmentFinder.Result result = SegmentFinder.find(generate(150, 42, truth), 7);
        assertThat(result.k()).isEqualTo(3);
        assertThat(result.silhouette()).isGreaterThan(0.5);
        assertThat(result.clusters()).hasSize(3);
        int correct = 0;
        for (SegmentFinder.Cluster c : result.clusters()) {
            Map<Integer, Integer> counts = new HashMap<>();
            c.customers().forEach(id -> counts.merge(truth.get(id), 1, Integer::sum));
            correct += counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        assertThat(correct / 450.0).as("purity").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void sameSeedSameSegments() {
        Map<String, Integer> truth = new HashMap<>();
        List<BehaviourFeatures> data = generate(60, 3, truth);
        assertThat(SegmentFinder.find(data, 11).clusters().get(0).customers())
                .isEqualTo(SegmentFinder.find(data, 11).clusters().get(0).customers());
    }

    @Test
    void namesComeFromTheStrongestFeatures() {
        assertThat(SegmentService.name(new double[] {-0.2, 2.0, 0.1, 1.5, 0, 0, 0, 0.3})).isEqualTo("frequent, digital");
        assertThat(SegmentService.name(new double[] {1.8, -0.2, 0.1, 0, 0, 0, 0, -1.0})).isEqualTo("lapsed, offer-averse");
    }
}
