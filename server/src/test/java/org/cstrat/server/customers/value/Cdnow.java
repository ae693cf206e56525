package org.cstrat.server.customers.value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The CDNOW sample (see src/test/resources/cdnow/README.md), converted in memory from the whitespace-separated
 * CDNOW_sample.txt into the product's {@code customer_id,date,amount} CSV format.
 */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    private Cdnow() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Cdnow.class.getResourceAsStream("/cdnow/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /cdnow/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CDNOW_sample.txt (master id, sample id, YYYYMMDD, CDs, dollars) as the product's CSV. */
    static byte[] transactionsCsv() {
        String text = new String(resource("CDNOW_sample.txt"), StandardCharsets.US_ASCII);
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            String d = f[2];
            csv.append(Integer.parseInt(f[1])).append(',')
                    .append(d, 0, 4).append('-').append(d, 4, 6).append('-').append(d, 6, 8).append(',')
                    .append(f[4]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static TransactionLog log() {
        return TransactionLog.parse("CDNOW_sample.csv", transactionsCsv());
    }

    static List<CustomerSummary> summaries() {
        return log().summarise(CALIBRATION_END);
    }
}
