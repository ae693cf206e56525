package org.cstrat.server.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app's users and API tokens, in {@code DATA/auth/users.json} and {@code DATA/auth/tokens.json}: files in the
 * data directory, not nodes in the graph, because analysts read the whole graph through the console and Bolt and the
 * password hashes must not be there. Both files are readable only by their owner and replaced atomically (a temporary
 * file in the same folder, then a move), under a lock file so that two {@code cstrat user} commands cannot lose each
 * other's change. A running server re-reads a file when it was replaced, so {@code ./cstrat user add} works while
 * {@code serve} runs.
 */
public final class AuthStore {

    private static final Logger LOG = LoggerFactory.getLogger(AuthStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What the files hold at one moment. */
    public record Snapshot(Map<String, User> users, Map<String, ApiToken> tokensBySha256) {
        public Snapshot {
            users = Map.copyOf(users);
            tokensBySha256 = Map.copyOf(tokensBySha256);
        }
    }

    private record UsersFile(List<User> users) {
        UsersFile {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    private record TokensFile(List<ApiToken> tokens) {
        TokensFile {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    /** A file's identity: a replaced file has a new inode (or at least a new modification time or size). */
    private record Stamp(Object key, java.time.Instant modified, long size) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.fileKey(), a.lastModifiedTime().toInstant(), a.size());
            } catch (NoSuchFileException e) {
                return new Stamp(null, null, -1);
            } catch (IOException e) {
                throw new StartupException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
    }

    private final Path dir;
    private final Path usersFile;
    private final Path tokensFile;
    private Stamp usersStamp;
    private Stamp tokensStamp;
    private Snapshot snapshot;

    public AuthStore(Path dataDir) {
        this.dir = dataDir.resolve("auth");
        this.usersFile = dir.resolve("users.json");
        this.tokensFile = dir.resolve("tokens.json");
    }

    public Path usersFile() {
        return usersFile;
    }

    public Path tokensFile() {
        return tokensFile;
    }

    /**
     * The users and tokens as the files hold them now, re-read when a file was replaced. When a replaced file cannot be
     * read (a hand edit gone wrong), the last good state is kept and the problem logged; without one it is thrown.
     */
    public synchronized Snapshot snapshot() {
        Stamp u = Stamp.of(usersFile);
        Stamp t = Stamp.of(tokensFile);
        if (snapshot == null || !u.equals(usersStamp) || !t.equals(tokensStamp)) {
            try {
                snapshot = read();
            } catch (StartupException e) {
                if (snapshot == null) {
                    throw e;
                }
                LOG.error("{}; the users and tokens read before stay in force", e.getMessage());
            }
            usersStamp = u;
            tokensStamp = t;
        }
        return snapshot;
    }

    public List<User> users() {
        return snapshot().users().values().stream().sorted(Comparator.comparing(User::name)).toList();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(snapshot().users().get(name));
    }

    public List<ApiToken> tokens() {
        return snapshot().tokensBySha256().values().stream().sorted(Comparator.comparing(ApiToken::created).thenComparing(ApiToken::id)).toList();
    }

    /** Adds a user; refuses a name that exists. */
    public void add(User user) {
        updateUsers(users -> {
            if (users.stream().anyMatch(x -> x.name().equals(user.name()))) {
                throw new IllegalArgumentException("user '" + user.name() + "' already exists");
            }
            List<User> out = new ArrayList<>(users);
            out.add(user);
            return out;
        });
    }

    /** Replaces a user's role or password hash. */
    public void replace(User user) {
        updateUsers(users -> {
            requireUser(users, user.name());
            return users.stream().map(x -> x.name().equals(user.name()) ? user : x).toList();
        });
    }

    /** Removes a user and every token of theirs; their sessions end at their next request. */
    public void remove(String name) {
        locked(() -> {
            Snapshot now = read();
            requireUser(List.copyOf(now.users().values()), name);
            write(usersFile, new UsersFile(now.users().values().stream().filter(u -> !u.name().equals(name)).toList()));
            write(tokensFile, new TokensFile(now.tokensBySha256().values().stream().filter(t -> !t.user().equals(name)).toList()));
            return null;
        });
    }

    /** Adds a token of an existing user. */
    public void add(ApiToken token) {
        locked(() -> {
            Snapshot now = read();
            requireUser(List.copyOf(now.users().values()), token.user());
            List<ApiToken> tokens = new ArrayList<>(now.tokensBySha256().values());
            if (tokens.stream().anyMatch(t -> t.id().equals(token.id()) || t.sha256().equals(token.sha256()))) {
                throw new IllegalStateException("token " + token.id() + " exists already");
            }
            tokens.add(token);
            write(tokensFile, new TokensFile(tokens));
            return null;
        });
    }

    /** Revokes a token by its id. */
    public ApiToken revoke(String id) {
        return locked(() -> {
            Snapshot now = read();
            ApiToken token = now.tokensBySha256().values().stream().filter(t -> t.id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("token", id));
            write(tokensFile, new TokensFile(now.tokensBySha256().values().stream().filter(t -> !t.id().equals(id)).toList()));
            return token;
        });
    }

    private static void requireUser(List<User> users, String name) {
        if (users.stream().noneMatch(u -> u.name().equals(name))) {
            throw new NotFoundException("user", name);
        }
    }

    private void updateUsers(UnaryOperator<List<User>> change) {
        locked(() -> {
            write(usersFile, new UsersFile(change.apply(List.copyOf(read().users().values()))));
            return null;
        });
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** Runs a read-modify-write under {@code auth/.lock}, shared by every process on this data directory. */
    private synchronized <T> T locked(Io<T> action) {
        try {
            createDir();
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                T result = action.run();
                snapshot = null;
                return result;
            }
        } catch (IOException e) {
            throw new StartupException("Cannot update " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private Snapshot read() {
        List<User> users = readFile(usersFile, UsersFile.class).map(UsersFile::users).orElse(List.of());
        List<ApiToken> tokens = readFile(tokensFile, TokensFile.class).map(TokensFile::tokens).orElse(List.of());
        Map<String, User> byName = users.stream().collect(Collectors.toMap(User::name, u -> u, (a, b) -> {
            throw new StartupException(usersFile.toAbsolutePath() + ": user '" + a.name() + "' appears twice");
        }));
        // a token whose user is gone acts for no one: left out
        Map<String, ApiToken> bySha = tokens.stream().filter(t -> byName.containsKey(t.user()))
                .collect(Collectors.toMap(ApiToken::sha256, t -> t, (a, b) -> a));
        return new Snapshot(byName, bySha);
    }

    private static <T> Optional<T> readFile(Path file, Class<T> type) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The folder, owner-only (also when it existed already, e.g. made for the Bolt password file). */
    private void createDir() throws IOException {
        Files.createDirectories(dir);
        if (posix() && !PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).equals("rwx------")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        Path lock = dir.resolve(".lock");
        if (posix() && !Files.exists(lock)) {
            try {
                Files.createFile(lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process made it first
            }
        }
    }

    /** Writes a temporary file (owner-only from its creation), then moves it over the old one in one step. */
    private void write(Path file, Object content) throws IOException {
        Objects.requireNonNull(content);
        FileAttribute<?>[] attrs = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", attrs);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(content)));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
