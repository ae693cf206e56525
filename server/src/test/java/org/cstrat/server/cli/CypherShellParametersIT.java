package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.Workbench;
import org.cstrat.server.simulation.DemoSimulationRuns;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/**
 * The analysts' library through the real cypher-shell 5.26 ({@code ./cstrat cypher-shell}) on the demo: a file's
 * {@code :param} line gives defaults, the user's {@code -P} wins; the demo ships a stored run per flagship firm.
 */
@ExtendWith(EmbeddedNeo4j.class)
class CypherShellParametersIT {

    static final Path LIBRARY = Path.of("..", "cypher", "queries", "analyst");

    Path data;

    @BeforeEach
    void pointAtTheSharedWorkbench(Workbench workbench) throws Exception {
        data = Files.createTempDirectory("cstrat-shell-params");
        workbench.runtimeInfo().write(data);
        Files.createDirectories(data.resolve("auth"));
        Files.writeString(data.resolve("auth").resolve("neo4j-password"), EmbeddedNeo4j.CREDENTIALS.password());
    }

    @AfterEach
    void cleanUp() throws Exception {
        RuntimeInfo.delete(data);
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    CommandLineTest.Run shell(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("cypher-shell", "--data", data.toString(), "--format", "plain"));
        all.addAll(List.of(args));
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    @Test
    void theUsersParameterWinsOverTheFilesDefault() {
        String file = LIBRARY.resolve("simulation_runs_by_npv.cypher").toString();
        CommandLineTest.Run byDefault = shell("-f", file);
        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).as("the file's default firm, zipcar, has the demo's run").contains("\"run-demo-zipcar\"");

        CommandLineTest.Run omada = shell("-P", "{firm: 'omada'}", "-f", file);
        assertThat(omada.code()).as(omada.err()).isZero();
        assertThat(omada.out()).contains("\"run-demo-omada\"").doesNotContain("run-demo-zipcar");

        CommandLineTest.Run arrow = shell("--param", "firm => 'equinox'", "--file", file);
        assertThat(arrow.code()).as(arrow.err()).isZero();
        assertThat(arrow.out()).contains("\"run-demo-equinox\"").doesNotContain("run-demo-zipcar");

        CommandLineTest.Run market = shell("-P", "{market: 'us-chronic-health'}", "-f", LIBRARY.resolve("firms_per_cell.cypher").toString());
        assertThat(market.code()).as(market.err()).isZero();
        assertThat(market.out()).contains("Livongo").doesNotContain("Zipcar");
    }

    @Test
    void theDemoShipsAStoredRunForEachMarketsFlagshipFirm(Driver driver) {
        for (DemoSimulationRuns.Flagship f : DemoSimulationRuns.FLAGSHIPS) {
            var rows = driver.executableQuery("""
                    MATCH (:Market {id: $market})<-[:COMPETES_IN]-(:Firm {id: $firm})<-[:FOR_FIRM]-(r:SimulationRun {id: $run})-[:SIMULATED]->(s:SimulatedStrategy)
                    RETURN r.id AS run, r.replications AS replications, s.npvMean AS npv""")
                    // other tests store runs of the same firms in the shared workbench: look at the demo's own run
                    .withParameters(Map.of("market", f.market(), "firm", f.firm(), "run", "run-demo-" + f.firm())).execute().records();
            assertThat(rows).as("strategies of the demo run of %s", f.firm()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> {
                        assertThat(r.get("run").asString()).isEqualTo("run-demo-" + f.firm());
                        assertThat(r.get("replications").asInt()).isEqualTo(DemoSimulationRuns.REPLICATIONS);
                        assertThat(Double.isFinite(r.get("npv").asDouble())).isTrue();
                    });
        }
    }
}
