package org.cstrat.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cstrat.server.customers.imports.ImportFile;
import org.junit.jupiter.api.Test;

/**
 * The source-system exports, the one demo generator's second output: deterministic, with the identity noise the
 * identity resolution is there for, every episode through the 4 Rs in order, and the shipped sample files exactly what
 * the generator writes for them.
 */
class SyntheticCustomerDataTest {

    static final Path NORTHWIND = Path.of("..", "cypher", "samples", "northwind");

    static List<String[]> rows(ImportFile file) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }

    static ImportFile file(List<ImportFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSameSeedGivesTheSameFiles() {
        List<ImportFile> a = SyntheticCustomerData.generate("gen", 120, 3);
        List<ImportFile> b = SyntheticCustomerData.generate("gen", 120, 3);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).content()).isEqualTo(a.get(i).content());
        }
        assertThat(file(SyntheticCustomerData.generate("gen", 120, 4), "interactions.csv").content())
                .isNotEqualTo(file(a, "interactions.csv").content());
    }

    @Test
    void theExportsCarryTheIdentityNoise() {
        List<ImportFile> files = SyntheticCustomerData.generate("gen", 600, SyntheticCustomerData.DEFAULT_SEED);
        List<String[]> records = rows(file(files, "customers.csv"));
        Map<String, List<String[]>> bySystem = records.stream().collect(Collectors.groupingBy(r -> r[0]));
        assertThat(bySystem).containsOnlyKeys("crm", "loyalty", "webshop", "app", "kiosk");
        // e-mail: upper-cased in some CRM records, padded with spaces in the web shop
        assertThat(bySystem.get("crm")).anyMatch(r -> r[4].equals(r[4].toUpperCase()) && r[4].contains("@"))
                .anyMatch(r -> r[4].equals(r[4].toLowerCase()) && r[4].contains("@"));
        assertThat(bySystem.get("webshop")).allMatch(r -> r[4].startsWith(" ") && r[4].endsWith(" "));
        // phone: "+1 (415) 000-0001" in the CRM, "415-000-0001" (or none) in the loyalty programme
        assertThat(bySystem.get("crm")).allMatch(r -> r[5].matches("\\+1 \\(415\\) \\d{3}-\\d{4}"));
        assertThat(bySystem.get("loyalty")).anyMatch(r -> r[5].matches("415-\\d{3}-\\d{4}")).anyMatch(r -> r[5].isEmpty());
        // loyalty card: "LC00000001" in the programme, "LC 00000001" in some app records
        assertThat(bySystem.get("loyalty")).allMatch(r -> r[6].matches("LC\\d{8}"));
        assertThat(bySystem.get("app")).anyMatch(r -> r[6].matches("LC \\d{8}"));
        // the kiosk is a silo: only its own device ids, shared with no other system
        assertThat(bySystem.get("kiosk")).allMatch(r -> r[4].isEmpty() && r[5].isEmpty() && r[6].isEmpty() && r[8].isEmpty()
                && r[7].equals("kiosk-" + r[1].toLowerCase()));
        // one person in several systems, linked by identifiers in different spellings
        Map<String, Set<String>> systemsOfPerson = new HashMap<>();
        records.forEach(r -> systemsOfPerson.computeIfAbsent(r[2], p -> new HashSet<>()).add(r[0]));
        assertThat(systemsOfPerson.values()).anyMatch(s -> s.size() >= 3);
        // shared family addresses: several people's records carry the same one
        Map<String, Set<String>> peopleOfFamilyAddress = new LinkedHashMap<>();
        records.stream().filter(r -> r[4].trim().toLowerCase().startsWith("family"))
                .forEach(r -> peopleOfFamilyAddress.computeIfAbsent(r[4].trim().toLowerCase(), e -> new HashSet<>()).add(r[2]));
        assertThat(peopleOfFamilyAddress).isNotEmpty();
        assertThat(peopleOfFamilyAddress.values()).allMatch(people -> people.size() >= 2);
    }

    @Test
    void everyExportedEpisodeRunsThroughTheFourRsInOrder() {
        List<ImportFile> files = SyntheticCustomerData.generate("gen", 300, 5);
        Map<String, List<String[]>> byEpisode = new LinkedHashMap<>();
        for (String[] r : rows(file(files, "interactions.csv"))) {
            byEpisode.computeIfAbsent(r[7], e -> new ArrayList<>()).add(r);
        }
        List<String> order = List.of("recognize", "request", "respond", "repeat");
        assertThat(byEpisode).hasSizeGreaterThan(1000);
        assertThat(byEpisode.values()).allSatisfy(episode -> {
            List<String> stages = episode.stream().map(r -> r[5]).toList();
            assertThat(stages).hasSizeBetween(1, 4).isNotEqualTo(order.subList(0, 2)).isEqualTo(order.subList(0, stages.size()));
            assertThat(episode.stream().map(r -> r[2]).distinct()).as("one record per episode").hasSize(1);
            String[] recognize = episode.get(0);
            boolean offer = recognize[8].equals("firm");
            assertThat(recognize[3]).isEqualTo(offer ? "gen-offers" : "gen-" + touchpointOf(recognize[1]));
            assertThat(recognize[10]).isEqualTo(Boolean.toString(offer));
            for (int i = 1; i < episode.size(); i++) {
                assertThat(episode.get(i)[3]).isEqualTo("gen-" + touchpointOf(recognize[1]));
                assertThat(episode.get(i)[4]).isGreaterThan(episode.get(i - 1)[4]);
            }
            if (episode.size() >= 3) {
                assertThat(Double.parseDouble(episode.get(2)[6])).isPositive();
                assertThat(Integer.parseInt(episode.get(2)[9])).isBetween(1, 5);
            }
        });
    }

    private static String touchpointOf(String system) {
        return switch (system) {
            case "crm" -> "callcentre";
            case "loyalty" -> "store";
            case "webshop" -> "web";
            default -> system;
        };
    }

    /**
     * The sample files under {@code cypher/samples/northwind} are the generator's output for northwind, 200 people and
     * the default seed (the touchpoints file alone was extended by hand with two optional columns): regenerating them
     * with {@code SyntheticCustomerData.write(SyntheticCustomerData.generate("northwind", 200, DEFAULT_SEED), dir)} gives
     * the same bytes.
     */
    @Test
    void theSampleFilesAreTheGeneratorsOutput() throws IOException {
        List<ImportFile> files = SyntheticCustomerData.generate("northwind", 200, SyntheticCustomerData.DEFAULT_SEED);
        for (String name : List.of("channels.csv", "actors.csv", "customers.csv", "interactions.csv")) {
            byte[] shipped = Files.readAllBytes(NORTHWIND.resolve(name));
            assertThat(Arrays.equals(file(files, name).content(), shipped)).as(name).isTrue();
        }
        List<String> shippedTouchpoints = Files.readAllLines(NORTHWIND.resolve("touchpoints.csv"));
        List<String> generated = Arrays.asList(new String(file(files, "touchpoints.csv").content(), StandardCharsets.UTF_8).split("\n"));
        assertThat(shippedTouchpoints).hasSameSizeAs(generated);
        for (int i = 0; i < generated.size(); i++) {
            assertThat(shippedTouchpoints.get(i)).startsWith(generated.get(i));
        }
    }
}
