package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat clv fit} end to end on the CDNOW sample: the published BG/NBD and Gamma-Gamma digits. */
class ClvCommandTest {

    @TempDir
    Path temp;

    /** CDNOW_sample.txt (id, sample id, YYYYMMDD, CDs, dollars) as the command's customer_id,date,amount CSV. */
    private Path cdnowCsv() throws IOException {
        List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
        try (InputStream in = getClass().getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\R")) {
                String[] f = row.trim().split("\\s+");
                if (f.length == 5) {
                    lines.add(f[1] + "," + f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6) + "," + f[4]);
                }
            }
        }
        assertThat(lines).hasSize(6919 + 1);
        return Files.write(temp.resolve("cdnow.csv"), lines);
    }

    @Test
    void reproducesThePublishedParametersAndWritesJson() throws IOException {
        Path out = temp.resolve("fit.json");
        var run = CommandLineTest.run("clv", "fit", cdnowCsv().toString(), "--end", "1997-09-30", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("log-likelihood -9582.4");
        JsonNode fit = new ObjectMapper().readTree(out.toFile());
        JsonNode bgnbd = fit.path("bgnbd");
        assertThat(round(bgnbd.path("r").path("estimate").asDouble(), 3)).isEqualTo(0.243);
        assertThat(round(bgnbd.path("alpha").path("estimate").asDouble(), 3)).isEqualTo(4.414);
        assertThat(round(bgnbd.path("a").path("estimate").asDouble(), 3)).isEqualTo(0.793);
        assertThat(round(bgnbd.path("b").path("estimate").asDouble(), 3)).isEqualTo(2.426);
        assertThat(round(bgnbd.path("loglik").asDouble(), 1)).isEqualTo(-9582.4);
        assertThat(bgnbd.path("r").path("se").asDouble()).isPositive();
        JsonNode gg = fit.path("gammagamma");
        assertThat(round(gg.path("p").path("estimate").asDouble(), 2)).isEqualTo(6.25);
        assertThat(round(gg.path("q").path("estimate").asDouble(), 2)).isEqualTo(3.74);
        assertThat(round(gg.path("v").path("estimate").asDouble(), 2)).isEqualTo(15.44);
        assertThat(gg.path("loglik").isNumber()).isTrue();
    }

    @Test
    void badRowsAreListedWithLineAndColumnAndNothingIsWritten() throws IOException {
        Path csv = Files.writeString(temp.resolve("bad.csv"), "customer_id,date,amount\nc1,2020-01-01,10\nc2,2020-13-45,5\nc3,2020-02-01,ten\n");
        Path out = temp.resolve("fit.json");
        var run = CommandLineTest.run("clv", "fit", csv.toString(), "--end", "2020-12-31", "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("bad.csv:3:2").contains("bad.csv:4:3");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingEndIsAUsageError() {
        assertThat(CommandLineTest.run("clv", "fit", "x.csv").code()).isEqualTo(2);
    }

    private static double round(double value, int digits) {
        return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void aTransactionFileThatCannotBeReadSaysWhy() throws IOException {
        Path nope = temp.resolve("nope.csv");
        var missing = CommandLineTest.run("clv", "fit", nope.toString(), "--end", "1997-09-30");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).containsExactly("cstrat: cannot read " + nope + ": no such file");

        Path dir = Files.createDirectory(temp.resolve("dir.csv"));
        assertThat(CommandLineTest.run("clv", "fit", dir.toString(), "--end", "1997-09-30").err().strip())
                .isEqualTo("cstrat: cannot read " + dir + ": it is a directory, not a file");

        Path locked = Files.writeString(temp.resolve("locked.csv"), "customer_id,date,amount\n");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as a user who reads every file (root)");
        assertThat(CommandLineTest.run("clv", "fit", locked.toString(), "--end", "1997-09-30").err())
                .contains("not readable (permission denied)");
    }
}
