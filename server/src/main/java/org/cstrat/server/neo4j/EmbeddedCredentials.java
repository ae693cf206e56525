package org.cstrat.server.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.cstrat.server.core.StartupException;

/**
 * The Bolt password of the embedded database's {@code neo4j} user: the one given by the operator
 * ({@code NEO4J_PASSWORD} / {@code --neo4j-password}), else the one generated on first start and kept
 * in {@code DATA/auth/neo4j-password}, readable only by its owner.
 *
 * @param generated true when this start generated the password, so that it is shown once
 */
public record EmbeddedCredentials(String user, String password, boolean generated, Optional<Path> file) {

    public static final String USER = "neo4j";
    /** Neo4j's default minimum password length. */
    public static final int MIN_LENGTH = 8;

    public EmbeddedCredentials {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new StartupException("The Neo4j password must have at least " + MIN_LENGTH + " characters");
        }
    }

    public static Path passwordFile(Path dataDir) {
        return dataDir.resolve("auth").resolve("neo4j-password");
    }

    /** The explicit password if given, else the stored one, else a new one written to the data directory. */
    public static EmbeddedCredentials resolve(Path dataDir, Optional<String> explicit) {
        if (explicit.isPresent() && !explicit.get().isEmpty()) {
            return new EmbeddedCredentials(USER, explicit.get(), false, Optional.empty());
        }
        Path file = passwordFile(dataDir);
        try {
            if (Files.isRegularFile(file)) {
                return new EmbeddedCredentials(USER, Files.readString(file, StandardCharsets.UTF_8).strip(), false, Optional.of(file));
            }
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(file.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return new EmbeddedCredentials(USER, password, true, Optional.of(file));
        } catch (IOException e) {
            throw new StartupException("Cannot read or write the password file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[user=" + user + ", generated=" + generated + ", file=" + file + "]";
    }
}
