package org.cstrat.server.customers.value;

import org.cstrat.input.FieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLogTest {

    private static TransactionLog parse(String csv) {
        return TransactionLog.parse("t.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(String csv) {
        return errors(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(byte[] bytes) {
        TransactionLogException e = assertThrows(TransactionLogException.class,
                () -> TransactionLog.parse("t.csv", bytes));
        return e.errors().stream().map(FieldError::toString).toList();
    }

    private static String weeks(int days) {
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Every row of cdnow_customers_summary_with_transactions.csv is rebuilt from CDNOW_sample.txt: x exactly, t_x
     * and T to 2 decimals, zbar to the cent (the reference rounds exact means half up).
     */
    @Test
    void rebuildsThePublishedCdnowSummaryExactly() {
        List<CustomerSummary> summaries = Cdnow.summaries();
        String text = new String(Cdnow.resource("cdnow_customers_summary_with_transactions.csv"), StandardCharsets.UTF_8);
        List<String> rows = text.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals(2357, rows.size());
        assertEquals(2357, summaries.size());
        Map<String, CustomerSummary> byId = summaries.stream()
                .collect(Collectors.toMap(CustomerSummary::customerId, s -> s));
        for (String row : rows) {
            String[] f = row.split(",");
            CustomerSummary s = byId.get(f[0]);
            assertTrue(s != null, "customer " + f[0] + " missing");
            String expected = String.join(",", f);
            String actual = String.join(",", s.customerId(), Integer.toString(s.x()), weeks(s.recencyDays()),
                    weeks(s.ageDays()), s.x() == 0 ? "0.00" : s.repeatAmount()
                            .divide(BigDecimal.valueOf(s.x()), 2, RoundingMode.HALF_UP).toPlainString());
            assertEquals(expected, actual, "ID,x,t_x,T,zbar");
            assertEquals(Double.parseDouble(f[2]), s.history().tx(), 0.005 + 1e-12);
            assertEquals(Double.parseDouble(f[3]), s.history().T(), 0.005 + 1e-12);
            assertEquals(Double.parseDouble(f[4]), s.history().zbar(), 0.005 + 1e-12);
        }
        assertEquals(946, summaries.stream().filter(s -> s.x() > 0).count(), "repeat buyers");
        assertEquals(2457, summaries.stream().mapToInt(CustomerSummary::x).sum(), "repeat transactions");
        int holdout = Cdnow.log().holdoutPurchaseDays(Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END).values().stream()
                .mapToInt(Integer::intValue).sum();
        assertEquals(1882, holdout, "holdout repeat purchase days");
    }

    @Test
    void mergesSameDayPurchasesAndSkipsTheFirstPurchase() {
        TransactionLog log = parse("""
                customer_id,date,amount
                a,2024-01-01,10.00
                a,2024-01-01,5.50
                a,2024-01-08,20
                a,2024-01-08,1.25
                a,2024-01-22,3
                a,2024-03-01,99
                b,2024-01-15,7
                c,2024-02-10,4
                """);
        List<CustomerSummary> s = log.summarise(LocalDate.of(2024, 1, 31));
        assertEquals(2, s.size(), "c starts after the end and is left out");
        CustomerSummary a = s.get(0);
        assertEquals("a", a.customerId());
        assertEquals(2, a.x());
        assertEquals(21, a.recencyDays());
        assertEquals(30, a.ageDays());
        assertEquals(new BigDecimal("15.50"), a.firstAmount());
        assertEquals(new BigDecimal("24.25"), a.repeatAmount());
        assertEquals(new CustomerHistory(2, 3.0, 30 / 7.0, 12.125), a.history());
        CustomerSummary b = s.get(1);
        assertEquals(new CustomerHistory(0, 0, 16 / 7.0, 0), b.history());
        assertEquals(Map.of("a", 1, "b", 0), new HashMap<>(log.holdoutPurchaseDays(LocalDate.of(2024, 1, 31),
                LocalDate.of(2024, 12, 31))));
    }

    @Test
    void acceptsBomCrlfQuotesReorderedAndExtraColumns(@TempDir Path dir) throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "Amount,note,Customer_ID,date\r\n\"1,234.5\",x,\"Müller, Anna\",2024-01-01\r\n";
        // "1,234.5" is quoted but still not a plain number: rejected with its column.
        List<String> e = errors(concat(bom, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("t.csv:2:1: amount \"1,234.5\" is not a plain decimal number such as 12.50"), e);
        String ok = "Amount,note,Customer_ID,date\r\n1234.5,\"said \"\"hi\"\"\",\"Müller, Anna\",2024-01-01\r\n";
        Path file = dir.resolve("tx.csv");
        Files.write(file, concat(bom, ok.getBytes(StandardCharsets.UTF_8)));
        TransactionLog log = TransactionLog.read(file);
        assertEquals(List.of(new Transaction("Müller, Anna", LocalDate.of(2024, 1, 1), new BigDecimal("1234.5"))),
                log.transactions());
        assertEquals(file.toString(), log.source());
    }

    @Test
    void readsQuotedFieldsAcrossLinesWithTheSharedTokenizer() {
        // RFC 4180 as in imports (core.CsvTokenizer): a quoted note may hold a line break; rows keep their start line.
        TransactionLog log = parse("note,customer_id,date,amount\n\"two\nlines\",a,2024-01-01,1\nx,b,2024-01-02,2\n");
        assertEquals(List.of(new Transaction("a", LocalDate.of(2024, 1, 1), new BigDecimal("1")),
                new Transaction("b", LocalDate.of(2024, 1, 2), new BigDecimal("2"))), log.transactions());
        assertEquals(List.of("t.csv:2:1: date \"a\" is not a valid YYYY-MM-DD date",
                        "t.csv:5:1: date \"nope\" is not a valid YYYY-MM-DD date"),
                errors("date,customer_id,amount\na,\"x\ny\",1\n\nnope,b,1\n"));
        assertEquals(List.of("t.csv:2:1: unexpected text after a closing quote"),
                errors("customer_id,date,amount\n\"a\"b,2024-01-01,1\n"));
    }

    @Test
    void reportsMissingColumnsByName() {
        List<String> e = errors("customer_id,day,value\nx,2024-01-01,3\n");
        assertEquals(2, e.size());
        assertTrue(e.get(0).startsWith("t.csv:1: missing column \"date\""), e.get(0));
        assertTrue(e.get(1).startsWith("t.csv:1: missing column \"amount\""), e.get(1));
    }

    @Test
    void reportsEveryBadValueWithLineAndColumn() {
        List<String> e = errors("""
                customer_id,date,amount
                a,2024-01-01,10
                a,2024-02-30,10
                b,01/03/2024,10
                ,2024-01-01,10
                c,2024-01-01,ten
                c,2024-01-01,-5
                c,2024-01-01
                "d,2024-01-01,1
                """);
        assertEquals(List.of(
                "t.csv:3:2: date \"2024-02-30\" is not a valid YYYY-MM-DD date",
                "t.csv:4:2: date \"01/03/2024\" is not a valid YYYY-MM-DD date",
                "t.csv:5:1: empty customer_id",
                "t.csv:6:3: amount \"ten\" is not a plain decimal number such as 12.50",
                "t.csv:7:3: amount -5 is negative; net returns against purchases before import",
                "t.csv:8: expected 3 fields as in the header, found 2",
                "t.csv:9: unterminated quoted field"), e);
    }

    @Test
    void rejectsEmptyFilesAndHeaderOnlyFiles() {
        assertEquals(List.of("t.csv:1: file is empty: expected a header line customer_id,date,amount and transactions"),
                errors(""));
        assertEquals(List.of("t.csv:1: file is empty: expected a header line customer_id,date,amount and transactions"),
                errors("\n  \n"));
        assertEquals(List.of("t.csv:2: no transactions after the header line"), errors("customer_id,date,amount\n"));
    }

    @Test
    void rejectsMalformedUtf8NamingLineAndColumn() {
        byte[] latin1 = "customer_id,date,amount\nM\u00fcller,2024-01-01,1\n".getBytes(StandardCharsets.ISO_8859_1);
        List<String> e = errors(latin1);
        assertEquals(1, e.size());
        assertTrue(e.get(0).startsWith("t.csv:2:2: file is not valid UTF-8: malformed byte sequence 0xFC at byte offset 25"),
                e.get(0));
    }

    @Test
    void stopsCollectingAfterAHundredErrors() {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 300; i++) {
            csv.append("a,bad,1\n");
        }
        List<String> e = errors(csv.toString());
        assertEquals(TransactionCsvParser.MAX_ERRORS + 1, e.size());
        assertTrue(e.get(e.size() - 1).endsWith("too many errors; stopped after 100"), e.get(e.size() - 1));
    }

    @Test
    void validatesRecordsNamingFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Transaction("a", LocalDate.of(2024, 1, 1), new BigDecimal("-1")));
        assertEquals("amount must be >= 0, was -1", e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> new CustomerSummary("a", LocalDate.of(2024, 1, 1), 3, 2, 10, BigDecimal.ONE, BigDecimal.TEN));
        assertEquals("x repeat purchase days need at least x days of recency: x=3, recencyDays=2 for customer a",
                s.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
