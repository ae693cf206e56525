package org.cstrat.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the user's parameters win over a query file's defaults in {@code ./cstrat cypher-shell -f FILE}. cypher-shell
 * 5.26 applies {@code -P} before it runs the file, so the file's {@code :param {…};} line would override them (checked:
 * {@code -P "{firm:'zipcar'}"} with {@code :param {firm: 'equinox'}} returns equinox). Instead the file's {@code :param}
 * lines become the first {@code -P} options, before the user's (a later {@code -P} overrides an earlier one, key by
 * key), and cypher-shell runs a copy of the file without those lines.
 */
final class LibraryFileParameters {

    /** The arguments for cypher-shell, and the copy of the file to delete afterwards (none when nothing changed). */
    record Rewritten(List<String> arguments, Optional<Path> copy) {
        Rewritten {
            arguments = List.copyOf(arguments);
        }
    }

    private LibraryFileParameters() {
    }

    static Rewritten rewrite(List<String> args) throws IOException {
        int index = -1;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
                index = i + 1;
                file = Path.of(args.get(i + 1));
            } else if (a.startsWith("--file=")) {
                index = i;
                file = Path.of(a.substring("--file=".length()));
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            return new Rewritten(args, Optional.empty()); // cypher-shell says what is wrong with the file
        }
        List<String> defaults = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.startsWith(":param ") || stripped.startsWith(":param{")) {
                defaults.add(stripped.substring(":param".length()).strip().replaceAll(";$", "").strip());
            } else {
                rest.add(line);
            }
        }
        if (defaults.isEmpty()) {
            return new Rewritten(args, Optional.empty());
        }
        Path copy = Files.createTempFile("cstrat-query-", ".cypher");
        Files.write(copy, rest, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        defaults.forEach(d -> out.addAll(List.of("-P", d)));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            out.add(i != index ? a : a.startsWith("--file=") ? "--file=" + copy : copy.toString());
        }
        return new Rewritten(out, Optional.of(copy));
    }
}
