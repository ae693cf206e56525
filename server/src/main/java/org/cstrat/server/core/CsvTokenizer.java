package org.cstrat.server.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader (RFC 4180): comma-separated fields, optionally in double quotes, {@code ""} inside quotes for a
 * quote, quoted fields may span lines (a line inside quotes is counted at each LF); LF, CRLF or a lone CR end a record; a leading byte order mark (U+FEFF) is
 * skipped. Records come one at a time with the line they start on (1-based); problems go to a {@link Problems}
 * listener so that each caller words its own errors. Decoding bytes stays with the caller (each names malformed
 * UTF-8 its own way).
 */
public final class CsvTokenizer {

    /** What the tokeniser reports; columns are 1-based field numbers. */
    public interface Problems {
        /** A quoted field opened at this place is never closed: reading stops ({@link #next()} returns null). */
        void unclosedQuote(int line, int column);

        /** Text follows a closing quote before the next comma or line end; the text is skipped. */
        void textAfterClosingQuote(int line, int column);

        /** A field is longer than the limit; it is still returned. */
        void fieldTooLong(int line, int column, int length, int limit);
    }

    /** One record: the line it starts on and its fields (at least one). */
    public record Record(int line, String[] fields) {
        public Record {
            if (line < 1 || fields == null || fields.length == 0) {
                throw new IllegalArgumentException("a CSV record needs a line >= 1 and at least one field");
            }
        }

        /** A line with one field of only white space (an empty line). */
        public boolean blank() {
            return fields.length == 1 && fields[0].isBlank();
        }
    }

    private final String s;
    private final int n;
    private final int maxFieldLength;
    private final Problems problems;
    private final StringBuilder field = new StringBuilder();
    private int i;
    private int line = 1;
    private boolean failed;

    /** A tokeniser over {@code text}; fields longer than {@code maxFieldLength} characters are reported. */
    public CsvTokenizer(String text, int maxFieldLength, Problems problems) {
        if (text == null || problems == null) {
            throw new IllegalArgumentException("text and problems are required");
        }
        if (maxFieldLength < 1) {
            throw new IllegalArgumentException("maxFieldLength must be at least 1, got " + maxFieldLength);
        }
        this.s = text;
        this.n = text.length();
        this.maxFieldLength = maxFieldLength;
        this.problems = problems;
        this.i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** Every record of {@code text}, blank ones included. */
    public static List<Record> readAll(String text, int maxFieldLength, Problems problems) {
        CsvTokenizer t = new CsvTokenizer(text, maxFieldLength, problems);
        List<Record> out = new ArrayList<>();
        for (Record r = t.next(); r != null; r = t.next()) {
            out.add(r);
        }
        return out;
    }

    /** Whether reading stopped at an unclosed quote. */
    public boolean failed() {
        return failed;
    }

    /** The next record, or null at the end of the text or after an unclosed quote. */
    public Record next() {
        if (failed || i >= n) {
            return null;
        }
        int recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            field.setLength(0);
            int fieldLine = line;
            if (i < n && s.charAt(i) == '"') {
                int quoteLine = line;
                int quoteColumn = fields.size() + 1;
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    failed = true;
                    problems.unclosedQuote(quoteLine, quoteColumn);
                    return null;
                }
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    problems.textAfterClosingQuote(line, quoteColumn);
                    while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
                        i++;
                    }
                }
            } else {
                int start = i;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    i++;
                }
                field.append(s, start, i);
            }
            fields.add(field.toString());
            if (field.length() > maxFieldLength) {
                problems.fieldTooLong(fieldLine, fields.size(), field.length(), maxFieldLength);
            }
            if (i >= n) {
                break;
            }
            if (s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (s.charAt(i) == '\r') {
                i++;
            }
            if (i < n && s.charAt(i) == '\n') {
                i++;
            }
            line++;
            break;
        }
        return new Record(recordLine, fields.toArray(String[]::new));
    }
}
