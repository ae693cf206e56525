package org.cstrat.server.customers.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One uploaded or named file: its name (as errors report it) and its raw bytes, decoded only during parsing. */
public record ImportFile(String name, byte[] content) {

    public ImportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public static ImportFile read(Path path) {
        try {
            return new ImportFile(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
