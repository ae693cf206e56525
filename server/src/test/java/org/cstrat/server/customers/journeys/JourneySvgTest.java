package org.cstrat.server.customers.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cstrat.server.view.SvgText;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The journey map's text stays inside its boxes, and the picture says what its marks (gold, ★, dashed, "MoT?") mean. */
class JourneySvgTest {

    static JourneyMap longNames() {
        List<JourneyMap.TouchpointInfo> touchpoints = List.of(
                new JourneyMap.TouchpointInfo("app", "Member app with class booking and wearables sync", "mobile-app", "digital", true),
                new JourneyMap.TouchpointInfo("web", "Website <shop> and membership sign-up", "web", "digital", false),
                new JourneyMap.TouchpointInfo("club", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "club-front-desk-and-personal-training", "physical", false));
        return JourneyMap.of(touchpoints, List.of(
                new JourneyMap.PathCount(List.of("app", "club"), true, 1_250_000),
                new JourneyMap.PathCount(List.of("web", "club"), true, 20),
                new JourneyMap.PathCount(List.of("web"), false, 250_000),
                new JourneyMap.PathCount(List.of("app", "web"), false, 5)));
    }

    @Test
    void everyLineFitsItsBoxAndTheKeyExplainsTheMarks() throws Exception {
        String svg = JourneySvg.render(longNames());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        NodeList groups = doc.getElementsByTagName("g");
        int lines = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            Element rect = (Element) g.getElementsByTagName("rect").item(0);
            double right = Double.parseDouble(rect.getAttribute("x")) + Double.parseDouble(rect.getAttribute("width"));
            NodeList texts = g.getElementsByTagName("text");
            for (int k = 0; k < texts.getLength(); k++) {
                Element t = (Element) texts.item(k);
                double end = Double.parseDouble(t.getAttribute("x")) + SvgText.estimatedWidth(t.getTextContent(), Double.parseDouble(t.getAttribute("font-size")));
                assertThat(end).as("\"%s\" inside its box", t.getTextContent()).isLessThanOrEqualTo(right);
                lines++;
            }
        }
        assertThat(lines).isGreaterThanOrEqualTo(3 * 3);
        assertThat(svg).contains("<title>★ Member app with class booking and wearables sync", "…");
        NodeList all = doc.getElementsByTagName("text");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < all.getLength(); i++) {
            Element t = (Element) all.item(i);
            double end = Double.parseDouble(t.getAttribute("x")) + SvgText.estimatedWidth(t.getTextContent(),
                    t.getAttribute("font-size").isEmpty() ? 12 : Double.parseDouble(t.getAttribute("font-size")));
            assertThat(end).as("\"%s\" inside the picture", t.getTextContent()).isLessThanOrEqualTo(width);
            if ("jm-key".equals(t.getAttribute("class"))) {
                key.append(t.getTextContent()).append('\n');
            }
        }
        assertThat(key.toString()).contains("moment of truth", "MoT?: a suggested moment of truth", "★").doesNotContain("…");
    }

    @Test
    void theKeyFitsTheNarrowestMap() {
        // one touchpoint: start, it and the end in three columns, the narrowest a map gets
        JourneyMap tiny = JourneyMap.of(List.of(new JourneyMap.TouchpointInfo("a", "A", "web", "digital", false)),
                List.of(new JourneyMap.PathCount(List.of("a"), true, 3)));
        String svg = JourneySvg.render(tiny);
        assertThat(svg).contains(JourneySvg.KEY_MOMENT, JourneySvg.KEY_SUGGESTED);
    }
}
