package org.cstrat.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A Neo4j password given as a file ({@code --neo4j-password-file FILE}, env {@code NEO4J_PASSWORD_FILE}) rather than on
 * the command line or in the environment, where other users may see it ({@code ps}, {@code /proc}): the file's first
 * line, trimmed. An unreadable or empty file, or a file given together with a password, is a usage error (exit 2).
 */
final class Neo4jPasswordFile {

    static final String OPTION = "--neo4j-password-file";
    static final String ENV = "NEO4J_PASSWORD_FILE";

    private Neo4jPasswordFile() {
    }

    /**
     * The password: from {@code file} when one is named, else {@code password} (possibly empty).
     *
     * @param password        the password given directly ({@code --neo4j-password} or {@code NEO4J_PASSWORD}), or null
     * @param passwordSources how the direct password is given, for the error message
     * @param file            the file option or {@code NEO4J_PASSWORD_FILE}, or null
     */
    static Optional<String> resolve(CommandSpec spec, String password, String passwordSources, String file) {
        boolean hasFile = file != null && !file.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasFile && hasPassword) {
            throw new ParameterException(spec.commandLine(), "Give the Neo4j password either as " + passwordSources + " or as "
                    + OPTION + " (" + ENV + "), not both");
        }
        if (!hasFile) {
            return Optional.ofNullable(password).filter(p -> !p.isEmpty());
        }
        return Optional.of(read(spec, Path.of(file.strip())));
    }

    private static String read(CommandSpec spec, Path file) {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        } catch (IOException | SecurityException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + OPTION + " " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + " " + e.getMessage()));
        }
        if (line == null || line.strip().isEmpty()) {
            throw new ParameterException(spec.commandLine(), OPTION + " " + file + " is empty: its first line must be the password");
        }
        return line.strip();
    }
}
