package org.cstrat.server.view;

/** Text for the server-drawn SVG pictures (matrix export, ecosystem, journeys): escaped and shortened in one place. */
public final class SvgText {

    private SvgText() {
    }

    /** Escapes text for XML content and attribute values; control characters other than tab and newline become spaces. */
    public static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * A conservative estimate of how wide {@code s} is drawn at {@code fontSize} px in DejaVu Sans (the pictures' first
     * font, and the widest of the usual sans fonts), from its advance widths rounded up: W, M, m and w 1 em, other
     * capitals 0.8 em, narrow marks (i, l, j, space, punctuation) 0.42 em, anything else 0.64 em. Without a font engine
     * on the server this is what keeps a label inside its box.
     */
    public static double estimatedWidth(String s, double fontSize) {
        double em = 0;
        for (char c : s.toCharArray()) {
            if ("WMmw…".indexOf(c) >= 0) {
                em += 1.0;
            } else if (Character.isUpperCase(c)) {
                em += 0.8;
            } else if ("iljI.,:;!' |".indexOf(c) >= 0) {
                em += 0.42;
            } else {
                em += 0.64;
            }
        }
        return em * fontSize;
    }

    /** {@code s} cut (an ellipsis marking the cut) so that its estimated width at {@code fontSize} is at most {@code width}. */
    public static String fit(String s, double width, double fontSize) {
        if (estimatedWidth(s, fontSize) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && estimatedWidth(cut + "…", fontSize) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "…";
    }

    /** At most {@code max} characters, an ellipsis marking a cut. */
    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
