package org.cstrat.server.customers.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RfmTest {

    private static CustomerSummary customer(String id, int x, int recencyDays, int ageDays, String first,
                                            String repeat) {
        return new CustomerSummary(id, LocalDate.of(2024, 1, 1), x, recencyDays, ageDays, new BigDecimal(first),
                new BigDecimal(repeat));
    }

    @Test
    void distinctValuesSplitIntoEqualQuintiles() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i;
        }
        int[] scores = Rfm.quintiles(values);
        for (int i = 0; i < 100; i++) {
            assertEquals(1 + i / 20, scores[i], "value " + i);
        }
    }

    @Test
    void tiedValuesShareAScore() {
        int[] scores = Rfm.quintiles(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 2, 3});
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 4, 4, 5, 5), Arrays.stream(scores).boxed().toList());
    }

    @Test
    void scoresDoNotDependOnInputOrder() {
        List<CustomerSummary> cdnow = new ArrayList<>(Cdnow.summaries());
        Map<String, RfmScore> a = Rfm.score(cdnow).stream()
                .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
        Collections.shuffle(cdnow, new Random(7));
        Map<String, RfmScore> b = Rfm.score(cdnow).stream()
                .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
        assertEquals(a, b);
        Map<RfmClass, Long> counts = new EnumMap<>(RfmClass.class);
        a.values().forEach(s -> counts.merge(s.rfmClass(), 1L, Long::sum));
        assertEquals(2357, counts.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(counts.getOrDefault(RfmClass.CHAMPIONS, 0L) > 0, counts.toString());
        assertTrue(counts.getOrDefault(RfmClass.LOST, 0L) > 0, counts.toString());
    }

    @Test
    void measuresAndClassesFollowTheDocumentedRule() {
        List<CustomerSummary> s = new ArrayList<>();
        // best: bought yesterday, 9 repeat days, high spend
        s.add(customer("best", 9, 99, 100, "80", "720"));
        // lapsed heavy buyer: last purchase 90 days ago
        s.add(customer("lapsed", 8, 10, 100, "10", "80"));
        for (int i = 0; i < 8; i++) {
            s.add(customer("one-off-" + i, 0, 0, 20 + 10 * i, "5", "0"));
        }
        Map<String, RfmScore> scores = Rfm.score(s).stream()
                .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
        RfmScore best = scores.get("best");
        assertEquals("555", best.code());
        assertEquals(RfmClass.CHAMPIONS, best.rfmClass());
        assertEquals(10, best.frequency());
        assertEquals(80.0, best.monetary(), 1e-12);
        assertEquals(1 / 7.0, best.recencyWeeks(), 1e-12);
        RfmScore lapsed = scores.get("lapsed");
        assertEquals(RfmClass.AT_RISK, lapsed.rfmClass(), lapsed.code());
        assertEquals("champions", RfmClass.CHAMPIONS.label());
        assertEquals("at risk", RfmClass.AT_RISK.label());
    }

    @Test
    void everyScoreCombinationHasExactlyOneClass() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmClass c = RfmClass.of(r, f, m);
                    assertTrue(c != null);
                }
            }
        }
        assertEquals(RfmClass.LOST, RfmClass.of(1, 1, 5));
        assertEquals(RfmClass.NEW, RfmClass.of(5, 1, 1));
        assertEquals(RfmClass.LOYAL, RfmClass.of(3, 5, 1));
        assertEquals(RfmClass.HIBERNATING, RfmClass.of(2, 3, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmClass.of(6, 1, 1));
        assertEquals("r score must be in 1..5, was 6", e.getMessage());
    }
}
