package org.cstrat.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package layering: model and stats know nothing above them; nothing knows a web or database library. */
class DependencyRuleTest {
    private static final Path SRC = Path.of("src/main/java/org/cstrat/sim");

    private static List<String> violations(String pkg, List<String> forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String bad : forbidden) {
                        if (line.startsWith("import " + bad)) {
                            out.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void layersPointDownwards() throws IOException {
        List<String> upper = List.of("org.cstrat.sim.engine", "org.cstrat.sim.compare", "org.cstrat.sim.scenario", "org.cstrat.sim.report",
                "org.cstrat.sim.optimise");
        List<String> v = new ArrayList<>();
        v.addAll(violations("model", upper));
        v.addAll(violations("stats", upper));
        v.addAll(violations("stats", List.of("org.cstrat.sim.model")));
        v.addAll(violations("engine", List.of("org.cstrat.sim.compare", "org.cstrat.sim.scenario", "org.cstrat.sim.report",
                "org.cstrat.sim.optimise")));
        v.addAll(violations("compare", List.of("org.cstrat.sim.scenario", "org.cstrat.sim.report", "org.cstrat.sim.optimise")));
        // The optimiser sits beside compare: above the engine, below the scenario reader and the reports.
        v.addAll(violations("optimise", List.of("org.cstrat.sim.compare", "org.cstrat.sim.scenario", "org.cstrat.sim.report")));
        assertTrue(v.isEmpty(), String.join("\n", v));
    }

    @Test
    void pureLibrary() throws IOException {
        List<String> v = violations("", List.of("io.javalin", "org.neo4j", "java.util.Random;"));
        assertTrue(v.isEmpty(), String.join("\n", v));
    }

    /** Commons Math is the optimiser's (CMA-ES); the statistics stay independent of it, since tests check them against it. */
    @Test
    void commonsMathOnlyInTheOptimiser() throws IOException {
        List<String> v = new ArrayList<>();
        for (String pkg : List.of("model", "stats", "engine", "compare", "scenario", "report", "bench")) {
            v.addAll(violations(pkg, List.of("org.apache.commons.math3")));
        }
        assertTrue(v.isEmpty(), String.join("\n", v));
    }
}
