package org.cstrat.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "Layout" lists the server's packages as they are: every package it names exists and holds classes,
 * every package of the server's main code is named, and every class it names exists (tests run in {@code server/}).
 */
class ReadmeLayoutTest {

    static final Path README = Path.of("..", "README.md");
    static final Path SOURCES = Path.of("src", "main", "java", "org", "cstrat", "server");
    static final String ROOT_LINE = "  src/main/java/org/cstrat/server/";
    /** An entry below the root line: its indentation (4 spaces for a top-level package, 2 more per level) and name. */
    static final Pattern ENTRY = Pattern.compile("^( {4,})([A-Za-z][A-Za-z0-9_]*)(/?)\\s");

    /** The README's entries below the server's source root: packages as {@code a/b}, classes as {@code a/B.java}. */
    static List<String> listed() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int root = lines.indexOf(ROOT_LINE);
        assertThat(root).as("README names the server's source root as '%s'", ROOT_LINE.strip()).isNotNegative();
        List<String> entries = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        for (String line : lines.subList(root + 1, lines.size())) {
            Matcher m = ENTRY.matcher(line);
            if (!m.find()) {
                break;
            }
            int depth = (m.group(1).length() - 4) / 2;
            assertThat(depth).as("indentation of README layout line '%s'", line).isLessThanOrEqualTo(parents.size());
            parents = new ArrayList<>(parents.subList(0, depth));
            String prefix = parents.isEmpty() ? "" : String.join("/", parents) + "/";
            if (m.group(3).isEmpty()) {
                entries.add(prefix + m.group(2) + ".java");
            } else {
                entries.add(prefix + m.group(2));
                parents.add(m.group(2));
            }
        }
        return entries;
    }

    /** Every folder of the server's main code that holds a class, as {@code a/b}. */
    static Set<String> packages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).map(f -> SOURCES.relativize(f).getParent())
                    .filter(p -> p != null).forEach(p -> packages.add(p.toString().replace('\\', '/')));
        }
        return packages;
    }

    @Test
    void everyListedPackageAndClassExists() throws IOException {
        List<String> listed = listed();
        assertThat(listed).as("README layout entries").hasSizeGreaterThan(10);
        Set<String> packages = packages();
        for (String entry : listed) {
            if (entry.endsWith(".java")) {
                assertThat(SOURCES.resolve(entry)).as("README layout names the class %s", entry).isRegularFile();
            } else {
                assertThat(packages).as("README layout names the package %s", entry).contains(entry);
            }
        }
    }

    @Test
    void everyPackageIsListed() throws IOException {
        Set<String> listedPackages = new TreeSet<>(listed().stream().filter(e -> !e.endsWith(".java")).toList());
        assertThat(packages()).as("packages of server/src/main/java/org/cstrat/server missing from README 'Layout'")
                .isSubsetOf(listedPackages);
    }
}
