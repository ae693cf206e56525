package org.cstrat.server.firm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cstrat.server.view.SvgText;
import org.cstrat.server.placement.FirmEvidence;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The ecosystem picture keeps every text inside the picture and every name inside its box, however long. */
class EcosystemSvgTest {

    static double fontSize(Element text, double inherited) {
        String size = text.getAttribute("font-size");
        return size.isEmpty() ? inherited : Double.parseDouble(size);
    }

    @Test
    void edgeLabelsStayInThePictureAndNamesInTheirBoxes() throws Exception {
        List<FirmEvidence.ActorFacts> actors = List.of(
                new FirmEvidence.ActorFacts("employers", "Employers and self-insured health plans of the United States", "organisation", "payer"),
                new FirmEvidence.ActorFacts("pharmacies", "Pharmacy benefit managers", "organisation", "partner"),
                new FirmEvidence.ActorFacts("labs", "Laboratories", "organisation", "supplier"));
        List<FirmEvidence.MoneyFlow> flows = List.of(
                new FirmEvidence.MoneyFlow("employers", "Employers", "livongo", "Livongo",
                        "per-member-per-month fee for every enrolled employee with diabetes, billed monthly"),
                new FirmEvidence.MoneyFlow("livongo", "Livongo", "labs", "Laboratories", "strip supplies at wholesale prices under a multi-year contract"));
        List<FirmEvidence.RevenueFacts> revenue = List.of(
                new FirmEvidence.RevenueFacts("pmpm", "Per member per month, all inclusive, strips and coaching", "subscription", "customer", "month", 75.0, null, null, null));
        FirmEvidence firm = new FirmEvidence("livongo", "Livongo Health International Holdings", null, null, List.of(), List.of(), List.of(), actors, flows, revenue);

        String svg = EcosystemSvg.render(firm);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        double rootFont = Double.parseDouble(root.getAttribute("font-size"));
        NodeList texts = doc.getElementsByTagName("text");
        assertThat(texts.getLength()).isGreaterThan(8);
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            double w = SvgText.estimatedWidth(t.getTextContent(), fontSize(t, rootFont));
            double x = Double.parseDouble(t.getAttribute("x"));
            assertThat(t.getAttribute("text-anchor")).isEqualTo("middle");
            assertThat(x - w / 2).as("left edge of \"%s\"", t.getTextContent()).isGreaterThanOrEqualTo(0);
            assertThat(x + w / 2).as("right edge of \"%s\"", t.getTextContent()).isLessThanOrEqualTo(EcosystemSvg.WIDTH);
            // a text in a node's group fits the node's box
            if (t.getParentNode() instanceof Element g && g.getTagName().equals("g")) {
                Element rect = (Element) g.getElementsByTagName("rect").item(0);
                double rx = Double.parseDouble(rect.getAttribute("x"));
                double rw = Double.parseDouble(rect.getAttribute("width"));
                assertThat(x - w / 2).as("\"%s\" inside its box", t.getTextContent()).isGreaterThanOrEqualTo(rx);
                assertThat(x + w / 2).as("\"%s\" inside its box", t.getTextContent()).isLessThanOrEqualTo(rx + rw);
            }
        }
        // the labels were cut, not dropped: each starts as its flow does and the whole is in the flow's tooltip
        assertThat(svg).contains(">per-member-per-month fee").contains("billed monthly</title>").contains("…");
    }
}
