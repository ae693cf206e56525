package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat optimise} on the closed-form test scenario, on bad input and on an infeasible problem. */
class OptimiseCommandTest {

    static final Path OPTIMISE = SimulateCommandTest.SCENARIOS.resolve("optimise");

    @TempDir
    Path temp;

    /** The price maximising p σ(a + β (1 − p / W)) for the file's a = 1, β = 4, W = 10: (β p / W)(1 − σ) = 1, by bisection. */
    static double knownOptimum() {
        double lo = 2;
        double hi = 20;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double s = 1 / (1 + Math.exp(-(1 + 4 * (1 - mid / 10))));
            if (4 * mid / 10 * (1 - s) < 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Test
    void findsTheKnownOptimumAndWritesJsonAndCsv() throws IOException {
        Path json = temp.resolve("opt.json");
        var run = CommandLineTest.run("optimise", OPTIMISE.resolve("known-price.json").toString(), "--threads", "2",
                "--out", json.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Optimisation of 'flat'", "maximise mean NPV", "Status: OPTIMAL", "evaluations/s",
                "P(best beats current)", "Near-optimal strategy.billing.price", "best", "current", "runner-up 1");
        assertThat(run.err()).contains("optimising: 100%");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("status").asText()).isEqualTo("OPTIMAL");
        JsonNode range = result.get("nearOptimal").get(0);
        double p = knownOptimum();
        assertThat(p).isBetween(range.get("low").asDouble(), range.get("high").asDouble());
        assertThat(result.get("best").get("coordinates").get(0).asDouble()).isBetween(p - 0.3, p + 0.3);
        assertThat(result.get("search").size()).isBetween(10, 40);

        Path csv = temp.resolve("opt.csv");
        var again = CommandLineTest.run("optimise", OPTIMISE.resolve("known-price.json").toString(), "--threads", "1",
                "--budget", "12", "--runs", "20", "--seed", "3", "--out", csv.toString());
        assertThat(again.code()).as(again.err()).isZero();
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("section,candidate,item,value,low,high,held,currency");
        assertThat(lines).anyMatch(l -> l.startsWith("decision,best,strategy.billing.price,"));
        assertThat(lines.stream().filter(l -> l.startsWith("search,") && l.contains(",objective,"))).hasSizeLessThanOrEqualTo(12);
        assertThat(again.out()).contains("12 evaluations x 20 replications", "(seed 3)");
    }

    @Test
    void aDecisionOnAMissingParameterOrWithEmptyBoundsIsExit2NamingTheField() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), Files.readString(OPTIMISE.resolve("known-price.json"))
                .replace("\"strategy.billing.price\", \"low\": 2, \"high\": 20", "\"strategy.billing.basePrice\", \"low\": 2, \"high\": 20"));
        Path out = temp.resolve("r.json");
        var run = CommandLineTest.run("optimise", bad.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("$.optimisation.decisions[0].parameter", "strategy.billing.basePrice");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();

        Path empty = Files.writeString(temp.resolve("empty.json"), Files.readString(OPTIMISE.resolve("known-price.json"))
                .replace("\"low\": 2, \"high\": 20", "\"low\": 20, \"high\": 20"));
        var second = CommandLineTest.run("optimise", empty.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("$.optimisation.decisions[0]", "empty bounds");

        var none = CommandLineTest.run("optimise", SimulateCommandTest.SCENARIOS.resolve("mobility-curated.json").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("$.optimisation", "declares no optimisation");
    }

    @Test
    void anInfeasibleProblemPrintsTheLeastViolatingCandidateAndIsExit2() throws IOException {
        Path infeasible = Files.writeString(temp.resolve("infeasible.json"), Files.readString(OPTIMISE.resolve("known-price.json"))
                .replace("\"budget\": 40", "\"constraints\": [{\"type\": \"customers_at_horizon\", \"min\": 5000}], \"budget\": 6")
                .replace("\"finalReplications\": 800", "\"finalReplications\": 20").replace("\"replications\": 100", "\"replications\": 10"));
        Path out = temp.resolve("inf.json");
        var run = CommandLineTest.run("optimise", infeasible.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).contains("Status: INFEASIBLE", "least-violating", "MISSED");
        assertThat(run.err()).contains("infeasible", "$.optimisation.constraints[0]", "customers at horizon >= 5000");
        assertThat(new ObjectMapper().readTree(out.toFile()).get("status").asText()).isEqualTo("INFEASIBLE");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String file = OPTIMISE.resolve("known-price.json").toString();
        assertThat(CommandLineTest.run("optimise", file, "--budget", "1").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("optimise", file, "--runs", "1").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("optimise", file, "--out", "x.txt").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("optimise", temp.resolve("missing.json").toString()).code()).isEqualTo(2);
        assertThat(CommandLineTest.run("optimise", "--help").out()).contains("--budget", "--runs", "--seed", "--threads", "--out");
    }
}
