package org.cstrat.server.customers.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A customer's episode spend is added up the same way whatever order the graph returns it in. */
class Neo4jSegmentStoreTest {

    @Test
    void theSpendSumDoesNotDependOnTheRowOrder() {
        // added as they come, these give 0.6000000000000001 in one order and 0.6 in the other
        assertThat((0.1 + 0.2) + 0.3).isNotEqualTo((0.3 + 0.2) + 0.1);
        assertThat(Neo4jSegmentStore.inFixedOrder(List.of(0.1, 0.2, 0.3)))
                .isEqualTo(Neo4jSegmentStore.inFixedOrder(List.of(0.3, 0.2, 0.1)));

        Random random = new Random(7);
        List<Double> spends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            spends.add(Math.round(random.nextDouble() * 20_000) / 100.0);
        }
        double sum = Neo4jSegmentStore.inFixedOrder(spends);
        assertThat(sum).isCloseTo(spends.stream().mapToDouble(Double::doubleValue).sum(), org.assertj.core.data.Offset.offset(1e-9));
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(spends, random);
            assertThat(Neo4jSegmentStore.inFixedOrder(spends)).isEqualTo(sum);
        }
    }
}
