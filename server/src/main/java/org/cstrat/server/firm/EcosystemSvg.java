package org.cstrat.server.firm;

import static org.cstrat.server.view.SvgText.esc;
import static org.cstrat.server.view.SvgText.estimatedWidth;
import static org.cstrat.server.view.SvgText.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.cstrat.server.placement.FirmEvidence;
import org.cstrat.server.placement.Vocabulary;

/**
 * The ecosystem of a firm drawn on the server as SVG: the firm in the centre, its customers and actors
 * around it, an arrow for every money flow (who pays whom, and for what), a dashed line for an actor
 * without one. All text is escaped.
 */
public final class EcosystemSvg {

    static final int WIDTH = 860;
    static final int HEIGHT = 520;
    static final int MARGIN = 4;
    static final double EDGE_FONT = 10.5;
    static final double EDGE_LABEL_W = 220;
    static final int NODE_W = 150;
    static final int FIRM_W = 160;

    private EcosystemSvg() {
    }

    /** A money flow to draw, from one node to another. */
    record Edge(String from, String to, String label) {
    }

    public static String render(FirmEvidence firm) {
        String firmId = firm.firmId();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> subtitles = new LinkedHashMap<>();
        names.put("customers", "Customers");
        subtitles.put("customers", "end users");
        for (FirmEvidence.ActorFacts a : firm.actors()) {
            names.put(a.id(), a.name());
            subtitles.put(a.id(), Vocabulary.label(a.role()) + (a.kind().isEmpty() ? "" : " · " + Vocabulary.label(a.kind())));
        }
        List<Edge> edges = new ArrayList<>();
        String customerPays = firm.revenueModels().stream().filter(FirmEvidence.RevenueFacts::paidByCustomer)
                .map(FirmEvidence.RevenueFacts::name).collect(Collectors.joining(", "));
        if (!customerPays.isEmpty()) {
            edges.add(new Edge("customers", firmId, customerPays));
        }
        for (FirmEvidence.MoneyFlow f : firm.flows()) {
            edges.add(new Edge(f.fromId(), f.toId(), f.what()));
        }
        for (FirmEvidence.RevenueFacts r : firm.revenueModels()) {
            if (r.paidById() != null && edges.stream().noneMatch(e -> e.from().equals(r.paidById()) && e.to().equals(firmId))) {
                edges.add(new Edge(r.paidById(), firmId, r.name()));
            }
        }

        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        double rx = WIDTH / 2.0 - 120;
        double ry = HEIGHT / 2.0 - 60;
        Map<String, double[]> at = new LinkedHashMap<>();
        at.put(firmId, new double[] {cx, cy});
        List<String> around = new ArrayList<>(names.keySet());
        for (int i = 0; i < around.size(); i++) {
            double angle = Math.PI + 2 * Math.PI * i / around.size();
            at.put(around.get(i), new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
        }

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ecosystem\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">",
                WIDTH, HEIGHT, esc("Ecosystem of " + firm.firmName() + ": actors and who pays whom")));
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1f7a4d\"/></marker></defs>");
        for (String node : around) {
            boolean hasFlow = edges.stream().anyMatch(e -> e.from().equals(node) || e.to().equals(node));
            if (!hasFlow) {
                double[] p = at.get(node);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b8c0cc\" stroke-dasharray=\"4 4\"/>", cx, cy, p[0], p[1]));
            }
        }
        int index = 0;
        for (Edge e : edges) {
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            // Shorten the line so the arrow head stops at the node's box, and bend it a little so two-way flows do not overlap.
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double len = Math.max(1, Math.hypot(dx, dy));
            double ux = dx / len;
            double uy = dy / len;
            double x1 = a[0] + ux * 40;
            double y1 = a[1] + uy * 24;
            double x2 = b[0] - ux * 48;
            double y2 = b[1] - uy * 28;
            double mx = (x1 + x2) / 2 - uy * 18;
            double my = (y1 + y2) / 2 + ux * 18;
            s.append(String.format(Locale.ROOT, "<path class=\"flow\" d=\"M %.1f %.1f Q %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"#1f7a4d\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"><title>%s</title></path>",
                    x1, y1, mx, my, x2, y2, esc(names.getOrDefault(e.from(), firm.firmName()) + " pays " + names.getOrDefault(e.to(), firm.firmName()) + ": " + e.label())));
            // At most EDGE_LABEL_W wide (the whole label is the path's tooltip), and moved inside the picture when the
            // curve's midpoint is too near its edge for the centred text.
            String label = fit(e.label(), EDGE_LABEL_W, EDGE_FONT);
            double half = estimatedWidth(label, EDGE_FONT) / 2;
            double lx = Math.max(MARGIN + half, Math.min(WIDTH - MARGIN - half, (x1 + 2 * mx + x2) / 4));
            double ly = (y1 + 2 * my + y2) / 4 + (index++ % 2 == 0 ? -4 : 12);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#1f5c3c\" font-size=\"10.5\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">%s</text>",
                    lx, ly, esc(label)));
        }
        for (String node : around) {
            double[] p = at.get(node);
            boolean customers = node.equals("customers");
            s.append(String.format(Locale.ROOT, "<g class=\"actor\" data-actor=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"150\" height=\"40\" rx=\"8\" fill=\"%s\" stroke=\"#9aa8bd\"/>",
                    esc(node), p[0] - 75, p[1] - 20, customers ? "#fff2cc" : "#eef3fa"));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"600\" fill=\"#1d2330\">%s</text>",
                    p[0], p[1] - 3, esc(fit(names.get(node), NODE_W - 12, 12))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#5d6676\" font-size=\"10\">%s</text></g>",
                    p[0], p[1] + 12, esc(fit(subtitles.get(node), NODE_W - 12, 10))));
        }
        s.append(String.format(Locale.ROOT, "<g class=\"firm\"><rect x=\"%.1f\" y=\"%.1f\" width=\"160\" height=\"48\" rx=\"10\" fill=\"#1f5fa8\"/>", cx - 80, cy - 24));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"700\" fill=\"#ffffff\" font-size=\"14\">%s</text></g>",
                cx, cy + 5, esc(fit(firm.firmName(), FIRM_W - 14, 14))));
        s.append("</svg>");
        return s.toString();
    }
}
