package org.cstrat.sim.report;

/**
 * The one CSV writer's field escaping (RFC 4180), for the engine's CSV output and the server's CSV downloads alike: a
 * field holding a comma, a double quote, CR or LF is put in double quotes with its quotes doubled; {@code null} is the
 * empty field.
 */
public final class Csv {

    private Csv() {
    }

    /** {@code value} as one CSV field. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * As {@link #field}, for files meant to be opened in a spreadsheet: a value starting with {@code = + - @}, TAB or CR
     * (which a spreadsheet would run as a formula) gets a leading apostrophe first.
     */
    public static String spreadsheetField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return field(v);
    }
}
