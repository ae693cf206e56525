package org.cstrat.server.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cstrat.server.core.InvalidException;

/**
 * An input file given on the command line (a scenario, a transaction log), read as UTF-8 text; when it cannot be,
 * one line that says why a person can fix: no such file, a directory, not readable, UTF-16 (a byte-order mark or
 * NUL bytes, as Windows editors save "Unicode"), or not UTF-8 at a byte offset. A UTF-8 byte-order mark is skipped.
 */
final class TextFile {

    /** Why a file given on the command line cannot be read as text; its message is the whole line to print. */
    static final class UnreadableException extends InvalidException {
        UnreadableException(String message) {
            super(message, List.of());
        }
    }

    private TextFile() {
    }

    /** The text of {@code file}; {@code what} names it in the message ("scenario file"). */
    static String read(Path file, String what) {
        Optional<String> problem = problem(file);
        if (problem.isPresent()) {
            throw new UnreadableException("cannot read " + what + " " + file + ": " + problem.get());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableException("cannot read " + what + " " + file + ": " + why(e));
        }
        return decode(bytes).orElseThrow(() -> new UnreadableException(what + " " + file + " " + notUtf8(bytes)));
    }

    /** Why {@code file} cannot be opened for reading (no such file, a directory, not readable), if it cannot. */
    static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of(Files.exists(file.toAbsolutePath().getParent() == null ? file : file.toAbsolutePath().getParent())
                    ? "no such file" : "no such file (its directory " + file.toAbsolutePath().getParent() + " does not exist either)");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("it is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("not readable (permission denied)");
        }
        return Optional.empty();
    }

    /** A reading failure in words: the kind of problem, not just the path the JDK puts in its message. */
    static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "not readable (permission denied)";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (save it as UTF-8)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The bytes as UTF-8 text without a leading byte-order mark, or empty when they are not UTF-8. */
    static Optional<String> decode(byte[] bytes) {
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (notUtf8Reason(bytes).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String notUtf8(byte[] bytes) {
        return notUtf8Reason(bytes).orElseGet(() -> "is not UTF-8 text (at byte " + firstMalformed(bytes) + "): save it as UTF-8");
    }

    private static Optional<String> notUtf8Reason(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return Optional.of("is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8");
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                return Optional.of("is not UTF-8 text (a NUL byte at byte " + i + ": UTF-16 or binary?): save it as UTF-8");
            }
        }
        return Optional.empty();
    }

    private static long firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
