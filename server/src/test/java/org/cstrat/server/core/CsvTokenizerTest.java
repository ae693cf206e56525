package org.cstrat.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

    /** Records as "line:[f1|f2]" and problems as "kind@line:column". */
    private final List<String> problems = new ArrayList<>();

    private final CsvTokenizer.Problems listener = new CsvTokenizer.Problems() {
        @Override
        public void unclosedQuote(int line, int column) {
            problems.add("unclosed@" + line + ":" + column);
        }

        @Override
        public void textAfterClosingQuote(int line, int column) {
            problems.add("after@" + line + ":" + column);
        }

        @Override
        public void fieldTooLong(int line, int column, int length, int limit) {
            problems.add("long@" + line + ":" + column + "=" + length + ">" + limit);
        }
    };

    private List<String> read(String text, int max) {
        List<String> out = new ArrayList<>();
        for (CsvTokenizer.Record r : CsvTokenizer.readAll(text, max, listener)) {
            out.add(r.line() + ":" + Arrays.toString(r.fields()));
        }
        return out;
    }

    private List<String> read(String text) {
        return read(text, 100);
    }

    @Test
    void plainFieldsAndEveryLineEnd() {
        assertEquals(List.of("1:[a, b]", "2:[c, d]", "3:[e, f]", "4:[g, ]"), read("a,b\nc,d\r\ne,f\rg,"));
        assertEquals(List.of("1:[a]", "2:[]", "3:[b]"), read("a\n\nb\n"));
        assertEquals(List.of(), read(""));
        assertTrue(problems.isEmpty());
    }

    @Test
    void quotedFieldsWithCommasDoubledQuotesAndNewlines() {
        assertEquals(List.of("1:[x, y]", "2:[1,\"one\", two\nlines]", "4:[3, ]"),
                read("x,y\r\n\"1,\"\"one\"\"\",\"two\nlines\"\r\n3,\"\"\n"));
        assertTrue(problems.isEmpty());
        // Only a quote at the very start of a field opens a quoted field; elsewhere it is text.
        assertEquals(List.of("1:[ \"a\", b\"c]"), read(" \"a\",b\"c"));
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertEquals(List.of("1:[a, b]"), read("\uFEFFa,b\n"));
        assertEquals(List.of("1:[a\uFEFF]"), read("a\uFEFF"));
    }

    @Test
    void unclosedQuoteStopsReadingAtItsPlace() {
        CsvTokenizer t = new CsvTokenizer("a,b\nc,\"d\ne,f\n", 100, listener);
        assertEquals(1, t.next().line());
        assertFalse(t.failed());
        assertNull(t.next());
        assertTrue(t.failed());
        assertNull(t.next());
        assertEquals(List.of("unclosed@2:2"), problems);
    }

    @Test
    void textAfterClosingQuoteIsReportedAndSkipped() {
        assertEquals(List.of("1:[a, b]", "2:[c]"), read("\"a\"x,b\nc"));
        assertEquals(List.of("after@1:1"), problems);
    }

    @Test
    void fieldsOverTheLimitAreReportedWhereTheyStart() {
        assertEquals(List.of("1:[h]", "2:[abcd, ab]", "3:[x\nyz]"), read("h\nabcd,ab\n\"x\nyz\"", 3));
        assertEquals(List.of("long@2:1=4>3", "long@3:1=4>3"), problems);
        assertThrows(IllegalArgumentException.class, () -> new CsvTokenizer("", 0, listener));
    }

    @Test
    void blankRecordsAreEmptyOrWhiteSpaceLines() {
        List<CsvTokenizer.Record> r = CsvTokenizer.readAll("\n  \n,\n", 10, listener);
        assertEquals(List.of(true, true, false), r.stream().map(CsvTokenizer.Record::blank).toList());
    }
}
