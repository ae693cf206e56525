package org.cstrat.server.customers.journeys;

import static org.cstrat.server.view.SvgText.esc;
import static org.cstrat.server.view.SvgText.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link JourneyMap} as SVG on the server: touchpoints in columns by their breadth-first depth from
 * the start, arrows as wide as the share of journeys making the step (steps of under
 * {@value #MIN_EDGE_SHARE} of journeys left out), moments of truth in gold with a star, suggested ones
 * dashed, and each touchpoint's drop-off rate.
 */
public final class JourneySvg {

    static final double MIN_EDGE_SHARE = 0.01;
    private static final int COL = 230;
    private static final int ROW = 86;
    private static final int W = 170;
    private static final int H = 58;
    private static final int PAD = 30;
    /** Room for a line of text in a box: its width less 8 px on each side. */
    static final int TEXT_W = W - 16;
    static final String KEY_MOMENT = "★ gold box: a moment of truth (tagged decisive)";
    static final String KEY_SUGGESTED = "dashed box, MoT?: a suggested moment of truth";

    private JourneySvg() {
    }

    private record Box(double x, double y) {
    }

    public static String render(JourneyMap map) {
        Map<Integer, List<String>> columns = new HashMap<>();
        Map<String, JourneyMap.Node> nodes = new HashMap<>();
        for (JourneyMap.Node n : map.nodes()) {
            columns.computeIfAbsent(n.layer(), k -> new ArrayList<>()).add(n.touchpoint().id());
            nodes.put(n.touchpoint().id(), n);
        }
        int endLayer = map.layerOf(JourneyMap.END);
        columns.put(0, List.of(JourneyMap.START));
        columns.put(endLayer, new ArrayList<>(columns.getOrDefault(endLayer, List.of())));
        columns.get(endLayer).add(JourneyMap.END);
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(1);
        int width = PAD * 2 + (endLayer + 1) * COL - (COL - W);
        int height = PAD * 2 + rows * ROW + 60;
        Map<String, Box> boxes = new HashMap<>();
        for (Map.Entry<Integer, List<String>> c : columns.entrySet()) {
            List<String> ids = c.getValue();
            double offset = (rows - ids.size()) * ROW / 2.0;
            for (int i = 0; i < ids.size(); i++) {
                boxes.put(ids.get(i), new Box(PAD + c.getKey() * COL, PAD + 30 + offset + i * ROW));
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Customer journeys: transitions between touchpoints\">%n",
                width, height, width, height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#7d8797\"/></marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"jm-caption\" font-size=\"13\" fill=\"#5d6676\">%,d journeys, %.0f%% end in a purchase; arrow width = journeys making the step</text>%n",
                PAD, PAD, map.journeys(), 100 * map.conversion()));
        double max = map.transitions().stream().mapToLong(JourneyMap.Transition::journeys).max().orElse(1);
        for (JourneyMap.Transition t : map.transitions()) {
            if (t.journeys() < MIN_EDGE_SHARE * map.journeys()) {
                continue;
            }
            Box a = boxes.get(t.from());
            Box b = boxes.get(t.to());
            if (a == null || b == null) {
                continue;
            }
            double stroke = 1 + 9 * t.journeys() / max;
            String d;
            if (b.x() > a.x()) {
                double x1 = a.x() + W;
                double y1 = a.y() + H / 2.0;
                double x2 = b.x() - 4;
                double y2 = b.y() + H / 2.0;
                double mx = (x1 + x2) / 2;
                d = String.format(Locale.ROOT, "M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f", x1, y1, mx, y1, mx, y2, x2, y2);
            } else {
                double x1 = a.x() + W / 2.0 + 10;
                double y1 = a.y();
                double x2 = b.x() + W / 2.0 - 10;
                double y2 = b.y() - 4;
                double top = Math.min(y1, y2) - 40;
                d = String.format(Locale.ROOT, "M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f", x1, y1, x1, top, x2, top, x2, y2);
            }
            svg.append(String.format(Locale.ROOT, "<path class=\"jm-edge\" data-from=\"%s\" data-to=\"%s\" data-journeys=\"%d\" d=\"%s\" fill=\"none\" stroke=\"#9aa4b5\" stroke-opacity=\"0.75\" stroke-width=\"%.1f\" marker-end=\"url(#arrow)\"><title>%s → %s: %,d journeys</title></path>%n",
                    esc(t.from()), esc(t.to()), t.journeys(), d, stroke, esc(label(t.from(), nodes)), esc(label(t.to(), nodes)), t.journeys()));
        }
        for (Map.Entry<String, Box> e : boxes.entrySet()) {
            String id = e.getKey();
            Box b = e.getValue();
            JourneyMap.Node n = nodes.get(id);
            boolean virtual = n == null;
            boolean moment = !virtual && n.touchpoint().momentOfTruth();
            boolean suggested = !virtual && n.suggestedMomentOfTruth();
            String fill = virtual ? "#e9edf3" : moment ? "#fff4d6" : "#ffffff";
            String stroke = moment ? "#c99a06" : "#b8c2d1";
            svg.append(String.format(Locale.ROOT, "<g class=\"jm-node%s\" data-touchpoint=\"%s\"%s>%n", moment ? " moment" : "", esc(id),
                    virtual ? "" : String.format(Locale.ROOT, " data-journeys=\"%d\" data-dropoff=\"%.3f\"", n.journeys(), n.dropOffRate())));
            svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                    b.x(), b.y(), W, H, fill, stroke, moment ? "2.5" : "1.2", suggested ? " stroke-dasharray=\"5 3\"" : ""));
            // Every line fits its box (TEXT_W, estimated in DejaVu Sans); the whole name is the box's tooltip.
            String title = virtual ? id : (moment ? "★ " : "") + n.touchpoint().name();
            if (!virtual) {
                svg.append(String.format(Locale.ROOT, "  <title>%s</title>%n", esc(title + (suggested ? " (suggested moment of truth)" : ""))));
            }
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" fill=\"#1d2330\">%s</text>%n",
                    b.x() + 8, b.y() + 18, esc(fit(title, TEXT_W, 12))));
            if (!virtual) {
                String channel = n.touchpoint().channel() == null ? "" : n.touchpoint().channel();
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#5d6676\">%s</text>%n",
                        b.x() + 8, b.y() + 34, esc(fit(String.format(Locale.ROOT, "%,d journeys · %s", n.journeys(), channel), TEXT_W, 11))));
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>%n",
                        b.x() + 8, b.y() + 49, n.dropOffRate() >= 0.3 ? "#9a3b3b" : "#5d6676",
                        esc(fit(String.format(Locale.ROOT, "drop-off %.0f%% · buy %.0f%%%s", 100 * n.dropOffRate(), 100 * n.conversion(),
                                suggested ? " · MoT?" : ""), TEXT_W, 11))));
            }
            svg.append("</g>\n");
        }
        // The key: what gold, the star, a dashed border and "MoT?" mean (two lines, each within the narrowest map).
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"jm-key\" font-size=\"11\" fill=\"#5d6676\">%s</text>%n",
                PAD, height - 26, esc(fit(KEY_MOMENT, width - 2 * PAD, 11))));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"jm-key\" font-size=\"11\" fill=\"#5d6676\">%s</text>%n",
                PAD, height - 10, esc(fit(KEY_SUGGESTED, width - 2 * PAD, 11))));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String label(String id, Map<String, JourneyMap.Node> nodes) {
        JourneyMap.Node n = nodes.get(id);
        return n == null ? id : n.touchpoint().name();
    }
}
