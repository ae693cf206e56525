package org.cstrat.server.customers.value;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.CsvTokenizer;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Strict CSV reader for {@link TransactionLog} on {@link CsvTokenizer}: collects every error, throws them together. */
final class TransactionCsvParser {

    static final String CUSTOMER_ID = "customer_id";
    static final String DATE = "date";
    static final String AMOUNT = "amount";
    static final List<String> REQUIRED = List.of(CUSTOMER_ID, DATE, AMOUNT);

    /** Stop collecting after this many errors. */
    static final int MAX_ERRORS = 100;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private TransactionCsvParser() {
    }

    static List<Transaction> parse(String source, byte[] bytes) {
        List<FieldError> errors = new ArrayList<>();
        String text = decodeUtf8(source, bytes, errors);
        if (text == null) {
            throw new TransactionLogException(errors);
        }
        List<FieldError> quoting = new ArrayList<>();
        CsvTokenizer tokenizer = new CsvTokenizer(text, Integer.MAX_VALUE, new CsvTokenizer.Problems() {
            @Override
            public void unclosedQuote(int line, int column) {
                quoting.add(FieldError.at(source, line, 0, "unterminated quoted field"));
            }

            @Override
            public void textAfterClosingQuote(int line, int column) {
                quoting.add(FieldError.at(source, line, column, "unexpected text after a closing quote"));
            }

            @Override
            public void fieldTooLong(int line, int column, int length, int limit) {
                // no limit here: Integer.MAX_VALUE
            }
        });
        CsvTokenizer.Record headerRecord = tokenizer.next();
        while (headerRecord != null && headerRecord.blank() && quoting.isEmpty()) {
            headerRecord = tokenizer.next();
        }
        if (tokenizer.failed()) {
            throw new TransactionLogException(List.of(FieldError.at(source, quoting.get(quoting.size() - 1).line(), 0,
                    "header has an unterminated quoted field")));
        }
        if (headerRecord == null) {
            throw new TransactionLogException(List.of(FieldError.at(source, 1, 0,
                    "file is empty: expected a header line " + String.join(",", REQUIRED) + " and transactions")));
        }
        errors.addAll(quoting);
        quoting.clear();
        long headerLine = headerRecord.line();
        List<String> header = List.of(headerRecord.fields());
        int[] index = {-1, -1, -1};
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            int k = REQUIRED.indexOf(name);
            if (k >= 0) {
                if (index[k] >= 0) {
                    errors.add(FieldError.at(source, headerLine, c + 1,
                            "duplicate column \"" + name + "\" (also column " + (index[k] + 1) + ")"));
                } else {
                    index[k] = c;
                }
            }
        }
        for (int k = 0; k < REQUIRED.size(); k++) {
            if (index[k] < 0) {
                errors.add(FieldError.at(source, headerLine, 0, "missing column \"" + REQUIRED.get(k)
                        + "\"; the header has " + header + ", required columns are " + REQUIRED));
            }
        }
        if (!errors.isEmpty()) {
            throw new TransactionLogException(errors);
        }

        List<Transaction> out = new ArrayList<>();
        while (errors.size() < MAX_ERRORS) {
            CsvTokenizer.Record record = tokenizer.next();
            errors.addAll(quoting);
            quoting.clear();
            if (record == null) {
                break;
            }
            long lineNo = record.line();
            if (record.blank()) {
                continue;
            }
            List<String> fields = List.of(record.fields());
            if (fields.size() != header.size()) {
                errors.add(FieldError.at(source, lineNo, 0,
                        "expected " + header.size() + " fields as in the header, found " + fields.size()));
                continue;
            }
            int before = errors.size();
            String id = fields.get(index[0]).strip();
            if (id.isEmpty()) {
                errors.add(FieldError.at(source, lineNo, index[0] + 1, "empty customer_id"));
            }
            LocalDate date = parseDate(source, lineNo, index[1] + 1, fields.get(index[1]).strip(), errors);
            BigDecimal amount = parseAmount(source, lineNo, index[2] + 1, fields.get(index[2]).strip(), errors);
            if (errors.size() == before) {
                out.add(new Transaction(id, date, amount));
            }
        }
        if (errors.size() >= MAX_ERRORS) {
            errors.add(FieldError.at(source, errors.get(errors.size() - 1).line(), 0,
                    "too many errors; stopped after " + MAX_ERRORS));
        }
        if (errors.isEmpty() && out.isEmpty()) {
            errors.add(FieldError.at(source, headerLine + 1, 0, "no transactions after the header line"));
        }
        if (!errors.isEmpty()) {
            throw new TransactionLogException(errors);
        }
        return out;
    }

    private static LocalDate parseDate(String source, long line, int column, String value, List<FieldError> errors) {
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // falls through to the error below
                }
            }
        }
        errors.add(FieldError.at(source, line, column, "date \"" + value + "\" is not a valid YYYY-MM-DD date"));
        return null;
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = 10 * v + (ch - '0');
        }
        return v;
    }

    private static BigDecimal parseAmount(String source, long line, int column, String value,
                                          List<FieldError> errors) {
        if (!DECIMAL.matcher(value).matches()) {
            errors.add(FieldError.at(source, line, column,
                    "amount \"" + value + "\" is not a plain decimal number such as 12.50"));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            errors.add(FieldError.at(source, line, column,
                    "amount " + value + " is negative; net returns against purchases before import"));
            return null;
        }
        return amount;
    }

    /** Strict UTF-8: a malformed or unmappable byte sequence is an error naming its line and byte column. */
    private static String decodeUtf8(String source, byte[] bytes, List<FieldError> errors) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            long line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            errors.add(FieldError.at(source, line, offset - lineStart + 1, String.format(Locale.ROOT,
                    "file is not valid UTF-8: malformed byte sequence 0x%02X at byte offset %d; save the file as UTF-8",
                    bytes[offset] & 0xFF, offset)));
            return null;
        }
        out.flip();
        return out.toString();
    }
}
