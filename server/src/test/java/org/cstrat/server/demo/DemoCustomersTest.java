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
}
