package org.cstrat.server.customers.imports;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.CsvTokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file, split by {@link CsvTokenizer} (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} inside quotes
 * for a quote, quoted fields may span lines; LF or CRLF line ends) decoded strictly as UTF-8, with the
 * line each row starts on kept for error messages. A UTF-8 byte order mark is skipped.
 *
 * <p>The tokeniser and decoder are hand-written rather than a library because every error must name the exact line and column,
 * malformed UTF-8 included, and because a million-row file must parse in about a second.
 */
public final class CsvTable {

    /**
     * The longest field an import takes unless told otherwise, in characters: far above any name, e-mail address
     * (254 at most), identifier or note in the formats, and low enough that a stray blob or a column of base64 is
     * caught before millions of rows copy it into the graph.
     */
    public static final int MAX_FIELD_LENGTH_DEFAULT = 4_096;

    /** One data row: the line it starts on (1-based, the header is line 1) and its fields. */
    public record Row(int line, String[] fields) {
        public String get(int index) {
            return index < fields.length ? fields[index] : "";
        }
    }

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.columns = index;
    }

    /**
     * Decodes and splits a file. Problems that stop reading it (malformed UTF-8, an unclosed quote,
     * no header) are added to {@code errors} and give an empty result; rows whose field count differs
     * from the header's are reported and skipped.
     */
    public static Optional<CsvTable> parse(ImportFile input, List<FieldError> errors) {
        return parse(input, errors, MAX_FIELD_LENGTH_DEFAULT);
    }

    /** As {@link #parse(ImportFile, List)}; a field longer than {@code maxFieldLength} characters is an error at its line and column. */
    public static Optional<CsvTable> parse(ImportFile input, List<FieldError> errors, int maxFieldLength) {
        if (maxFieldLength < 1) {
            throw new IllegalArgumentException("maxFieldLength must be at least 1, got " + maxFieldLength);
        }
        String name = input.name();
        Optional<String> text = decode(input, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get();
        if (s.isBlank()) {
            errors.add(FieldError.at(name, 1, 1, "the file is empty: a header line and at least one row are expected"));
            return Optional.empty();
        }
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CsvTokenizer tokenizer = new CsvTokenizer(s, maxFieldLength, new CsvTokenizer.Problems() {
            @Override
            public void unclosedQuote(int line, int column) {
                errors.add(FieldError.at(name, line, column, "a quoted field is never closed"));
            }

            @Override
            public void textAfterClosingQuote(int line, int column) {
                errors.add(FieldError.at(name, line, column, "unexpected text after a closing quote"));
            }

            @Override
            public void fieldTooLong(int line, int column, int length, int limit) {
                errors.add(FieldError.at(name, line, column, "the field has " + length
                        + " characters, more than the limit of " + limit + " (import --max-field-length)"));
            }
        });
        for (CsvTokenizer.Record record = tokenizer.next(); record != null; record = tokenizer.next()) {
            boolean blank = record.fields().length == 1 && record.fields()[0].isEmpty();
            if (!blank) {
                records.add(record.fields());
                lines.add(record.line());
            }
        }
        if (tokenizer.failed()) {
            return Optional.empty();
        }
        if (records.isEmpty()) {
            errors.add(FieldError.at(name, 1, 1, "the file is empty: a header line and at least one row are expected"));
            return Optional.empty();
        }
        String[] headerFields = records.get(0);
        List<String> header = new ArrayList<>();
        for (String h : headerFields) {
            header.add(h.strip().toLowerCase(java.util.Locale.ROOT));
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            String[] f = records.get(r);
            if (f.length != header.size()) {
                errors.add(FieldError.at(name, lines.get(r), Math.min(f.length, header.size()) + 1,
                        "expected " + header.size() + " fields as in the header, found " + f.length));
                continue;
            }
            rows.add(new Row(lines.get(r), f));
        }
        if (records.size() == 1) {
            errors.add(FieldError.at(name, 2, 1, "the file has a header but no rows"));
        }
        return Optional.of(new CsvTable(name, header, rows));
    }

    /** Strict UTF-8: the first malformed byte is reported at its line and column (in characters). */
    static Optional<String> decode(ImportFile input, List<FieldError> errors) {
        byte[] bytes = input.content();
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = offset;
            for (int b = offset; b < bad; b++) {
                if (bytes[b] == '\n') {
                    line++;
                    lineStart = b + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            errors.add(FieldError.at(input.name(), line, column,
                    String.format("not valid UTF-8 (byte 0x%02x at offset %d): save the file as UTF-8", bytes[bad] & 0xff, bad)));
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /** The 0-based index of a column, if the header has it. */
    public Optional<Integer> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    public List<Row> rows() {
        return rows;
    }
}
