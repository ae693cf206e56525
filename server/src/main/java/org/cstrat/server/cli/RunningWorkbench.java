package org.cstrat.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphConnection;

/**
 * How a command-line tool reaches the graph: {@code NEO4J_URI} (with {@code NEO4J_USER} /
 * {@code NEO4J_PASSWORD}) when set, else the workbench running on {@code DATA} (found through
 * {@code DATA/run/workbench.json}, password from {@code NEO4J_PASSWORD} or {@code DATA/auth}).
 */
public record RunningWorkbench(URI uri, Optional<String> user, Optional<String> password, String passwordSource) {

    /** How a password is given on the command line, named in the errors that ask for one. */
    static final String HOW_TO_GIVE = "set NEO4J_PASSWORD to the password the workbench was started with, or put it in a file"
            + " and pass --neo4j-password-file FILE";

    public RunningWorkbench(URI uri, Optional<String> user, Optional<String> password) {
        this(uri, user, password, password.isPresent() ? "NEO4J_PASSWORD or --neo4j-password-file" : "");
    }

    public static RunningWorkbench find(Path dataDir) {
        return find(dataDir, Optional.empty());
    }

    /** As {@link #find(Path)}, with {@code uri} (a {@code --neo4j-uri} option) before {@code NEO4J_URI}. */
    public static RunningWorkbench find(Path dataDir, Optional<URI> given) {
        return find(dataDir, given, Optional.empty());
    }

    /**
     * As {@link #find(Path, Optional)}, with {@code givenPassword} (read from {@code --neo4j-password-file}) before
     * {@code NEO4J_PASSWORD}.
     */
    public static RunningWorkbench find(Path dataDir, Optional<URI> given, Optional<String> givenPassword) {
        Optional<String> envPassword = givenPassword.isPresent() ? givenPassword : Optional.ofNullable(System.getenv("NEO4J_PASSWORD"));
        if (given.isPresent()) {
            return new RunningWorkbench(given.get(), Optional.ofNullable(System.getenv("NEO4J_USER")), envPassword);
        }
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return new RunningWorkbench(URI.create(uri.strip()), Optional.ofNullable(System.getenv("NEO4J_USER")), envPassword);
        }
        RuntimeInfo running = RuntimeInfo.read(dataDir).orElseThrow(() -> new StartupException(
                "No running workbench found for data directory " + dataDir.toAbsolutePath()
                        + ": start it with ./cstrat serve (or pass --data DIR, or set NEO4J_URI)"));
        Optional<String> password = envPassword.filter(p -> !p.isEmpty());
        String source = password.isPresent() ? "NEO4J_PASSWORD or --neo4j-password-file" : "";
        Path file = EmbeddedCredentials.passwordFile(dataDir);
        if (password.isEmpty() && Files.isReadable(file)) {
            try {
                password = Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
                source = file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RunningWorkbench(running.connectBolt(), Optional.ofNullable(running.user()), password, source);
    }

    @Override
    public String toString() {
        return "RunningWorkbench[uri=" + uri + ", user=" + user.orElse("") + "]";
    }

    /**
     * A Driver connection to it; the caller closes it. A database that refuses the login is one line that says which
     * password is missing or wrong and how to give it (never the password).
     */
    public GraphConnection connect() {
        try {
            return GraphConnection.connect(uri, user.orElse(EmbeddedCredentials.USER), password);
        } catch (StartupException e) {
            if (!GraphConnection.refusedLogin(e.getCause())) {
                throw e;
            }
            throw new StartupException(password.isEmpty()
                    ? "The database at " + uri + " asks for a password and none was given: " + HOW_TO_GIVE + "."
                    : "The database at " + uri + " refused user " + user.orElse(EmbeddedCredentials.USER) + " with the password from "
                            + passwordSource + ": " + HOW_TO_GIVE + ".", e);
        }
    }
}
