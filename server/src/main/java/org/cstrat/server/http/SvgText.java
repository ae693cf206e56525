package org.cstrat.server.http;

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

    /** At most {@code max} characters, an ellipsis marking a cut. */
    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
