package org.cstrat.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoCustomersTest {

    static final List<DemoCustomers.FirmTouchpoint> TOUCHPOINTS = List.of(
            new DemoCustomers.FirmTouchpoint("uber", "uber-app", "customer"),
            new DemoCustomers.FirmTouchpoint("uber", "uber-rating", "firm_notify"),
            new DemoCustomers.FirmTouchpoint("zipcar", "zipcar-app", "customer"));

    @Test
    void sameSeedSameRows() {
        var a = DemoCustomers.generate("m", TOUCHPOINTS, 42);
        var b = DemoCustomers.generate("m", TOUCHPOINTS, 42);
        assertThat(a).isEqualTo(b);
        assertThat(DemoCustomers.generate("m", TOUCHPOINTS, 43).interactions()).isNotEqualTo(a.interactions());
    }

    @Test
    void episodesRunThroughTheFourRsOnTheFirmsTouchpoints() {
        var demo = DemoCustomers.generate("m", TOUCHPOINTS, DemoCustomers.DEFAULT_SEED);
        assertThat(demo.customers()).hasSize(DemoCustomers.CUSTOMERS_PER_MARKET);
        Set<Object> stages = demo.interactions().stream().map(i -> i.get("stage")).collect(Collectors.toSet());
        assertThat(stages).containsExactlyInAnyOrder("recognize", "request", "respond", "repeat");
        Set<Object> ids = demo.interactions().stream().map(i -> i.get("id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(demo.interactions().size());
        Map<Object, List<Map<String, Object>>> byEpisode = demo.interactions().stream()
                .collect(Collectors.groupingBy(i -> i.get("episode")));
        assertThat(byEpisode.values()).allSatisfy(episode -> {
            assertThat(episode).extracting(i -> i.get("stage")).startsWith("recognize", "request", "respond");
            Set<String> firms = episode.stream().map(i -> ((String) i.get("touchpoint")).split("-")[0]).collect(Collectors.toSet());
            assertThat(firms).as("an episode stays with one firm").hasSize(1);
        });
        assertThat(demo.interactions()).filteredOn(i -> "respond".equals(i.get("stage")))
                .allSatisfy(i -> assertThat((Double) i.get("amount")).isPositive());
    }

    @Test
    void offersGoThroughTheFirmsOwnTouchpointsAndEverythingElseThroughOneCustomerSideTouchpoint() {
        var demo = DemoCustomers.generate("m", TOUCHPOINTS, DemoCustomers.DEFAULT_SEED);
        Map<Object, List<Map<String, Object>>> byEpisode = demo.interactions().stream()
                .collect(Collectors.groupingBy(i -> i.get("episode")));
        assertThat(byEpisode.values()).allSatisfy(episode -> {
            Map<String, Object> recognize = episode.get(0);
            if ("firm".equals(recognize.get("initiatedBy"))) {
                assertThat(recognize.get("touchpoint")).as("only uber has a touchpoint of its own").isEqualTo("uber-rating");
            }
            assertThat(episode.subList(1, episode.size())).extracting(i -> i.get("touchpoint")).containsOnly(episode.get(1).get("touchpoint"))
                    .doesNotContain("uber-rating");
        });
        assertThat(demo.interactions()).filteredOn(i -> "recognize".equals(i.get("stage")))
                .anyMatch(i -> "firm".equals(i.get("initiatedBy"))).anyMatch(i -> "customer".equals(i.get("initiatedBy")));
        assertThat(demo.interactions()).filteredOn(i -> "respond".equals(i.get("stage")))
                .anyMatch(i -> Boolean.TRUE.equals(i.get("identified"))).anyMatch(i -> Boolean.FALSE.equals(i.get("identified")));
    }

    @Test
    void aCustomerOfAFirmIsOneSinceTheFirstEpisodeWithIt() {
        var demo = DemoCustomers.generate("m", TOUCHPOINTS, DemoCustomers.DEFAULT_SEED);
        Map<String, String> firstEpisode = new java.util.HashMap<>();
        for (Map<String, Object> i : demo.interactions()) {
            String key = i.get("customer") + "/" + ((String) i.get("touchpoint")).split("-")[0];
            firstEpisode.merge(key, ((String) i.get("at")).substring(0, 10), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        assertThat(demo.customers()).allSatisfy(c -> {
            assertThat(c.get("segment")).isIn("daily_commuter", "urban_occasional", "business_traveller", "weekend_leisure");
            for (Object o : (List<?>) c.get("firms")) {
                Map<?, ?> rel = (Map<?, ?>) o;
                String first = firstEpisode.get(c.get("id") + "/" + rel.get("firm"));
                assertThat(rel.get("since")).isEqualTo(first == null ? c.get("since") : first);
                assertThat((String) rel.get("since")).isGreaterThanOrEqualTo((String) c.get("since"));
            }
        });
    }
}
