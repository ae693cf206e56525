package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryFileParametersTest {

    @TempDir
    Path temp;

    @Test
    void theFilesParamLinesBecomeTheFirstParametersAndTheShellRunsACopyWithoutThem() throws IOException {
        Path file = Files.writeString(temp.resolve("q.cypher"), "// Title\n:param {firm: 'equinox'};\nMATCH (f:Firm {id: $firm})\nRETURN f;\n");
        var r = LibraryFileParameters.rewrite(List.of("--format", "plain", "-P", "{firm: 'zipcar'}", "-f", file.toString()));
        try {
            assertThat(r.copy()).isPresent();
            assertThat(r.arguments()).containsExactly("-P", "{firm: 'equinox'}", "--format", "plain", "-P", "{firm: 'zipcar'}",
                    "-f", r.copy().get().toString());
            assertThat(Files.readString(r.copy().get())).isEqualTo("// Title\nMATCH (f:Firm {id: $firm})\nRETURN f;\n");
        } finally {
            Files.deleteIfExists(r.copy().get());
        }
        var equals = LibraryFileParameters.rewrite(List.of("--file=" + file));
        assertThat(equals.arguments()).containsExactly("-P", "{firm: 'equinox'}", "--file=" + equals.copy().get());
        Files.deleteIfExists(equals.copy().get());
    }

    @Test
    void argumentsWithoutAFileOrWithoutParamLinesAreLeftAlone() throws IOException {
        Path plain = Files.writeString(temp.resolve("p.cypher"), "RETURN 1;\n");
        assertThat(LibraryFileParameters.rewrite(List.of("-f", plain.toString())).copy()).isEmpty();
        assertThat(LibraryFileParameters.rewrite(List.of("RETURN 1")).arguments()).containsExactly("RETURN 1");
        assertThat(LibraryFileParameters.rewrite(List.of("-f", temp.resolve("missing.cypher").toString())).copy()).isEmpty();
    }
}
