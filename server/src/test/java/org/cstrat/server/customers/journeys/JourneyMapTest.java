package org.cstrat.server.customers.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

class JourneyMapTest {

    static final List<JourneyMap.TouchpointInfo> TOUCHPOINTS = List.of(
            new JourneyMap.TouchpointInfo("app", "App", "mobile-app", "digital", true),
            new JourneyMap.TouchpointInfo("web", "Web <shop>", "web", "digital", false),
            new JourneyMap.TouchpointInfo("store", "Store", "store", "physical", false));

    static JourneyMap map() {
        return JourneyMap.of(TOUCHPOINTS, List.of(
                new JourneyMap.PathCount(List.of("app", "app", "store"), true, 50),
                new JourneyMap.PathCount(List.of("web", "store"), true, 20),
                new JourneyMap.PathCount(List.of("web"), false, 25),
                new JourneyMap.PathCount(List.of("app", "web"), false, 5)));
    }

    @Test
    void transitionsPathsAndDropOffs() {
        JourneyMap m = map();
        assertThat(m.journeys()).isEqualTo(100);
        assertThat(m.conversion()).isEqualTo(0.70);
        assertThat(m.transitions()).contains(new JourneyMap.Transition(JourneyMap.START, "app", 55),
                new JourneyMap.Transition("app", "store", 50), new JourneyMap.Transition("web", JourneyMap.END, 30));
        assertThat(m.graph().getEdge("app", "app")).as("repeated steps at one touchpoint are one step").isNull();
        assertThat(m.topPaths().get(0).touchpoints()).containsExactly("app", "store");
        assertThat(m.topPaths().get(0).journeys()).isEqualTo(50);
        JourneyMap.Node web = m.dropOffs().get(0);
        assertThat(web.touchpoint().id()).isEqualTo("web");
        assertThat(web.dropOffs()).isEqualTo(30);
        assertThat(web.dropOffRate()).isEqualTo(0.6);
        // store: every journey through it buys (100 %) against 0 % elsewhere -> suggested moment of truth
        assertThat(m.nodes().stream().filter(n -> n.touchpoint().id().equals("store")).findFirst().orElseThrow().suggestedMomentOfTruth()).isTrue();
    }

    @Test
    void drawsWellFormedSvgWithTheMomentsOfTruth() throws Exception {
        String svg = JourneySvg.render(map());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).contains("data-touchpoint=\"app\"", "★ App", "Web &lt;shop&gt;", "class=\"jm-node moment\"");
    }
}
