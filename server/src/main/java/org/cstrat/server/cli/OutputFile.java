package org.cstrat.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --out FILE} check of the commands that write a result ({@code simulate}, {@code optimise}, {@code calibrate}). */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Refuses (exit code 2) an {@code out} whose name does not end in one of {@code endings}, or that this process could
     * not create or replace: checked before minutes of work, not after. Nothing for no {@code --out}.
     */
    static void check(CommandSpec spec, Path out, String... endings) {
        if (out == null) {
            return;
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Arrays.stream(endings).noneMatch(name::endsWith)) {
            throw new ParameterException(spec.commandLine(), "--out must end in " + String.join(" or ", endings) + ", got " + out);
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ParameterException(spec.commandLine(), "--out must name a file, but " + target + " is a directory");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "--out: the directory " + parent + " does not exist"
                    + (parent != null && Files.exists(parent) ? " (it is a file)" : "") + "; create it first");
        }
        if (!Files.isWritable(parent) || (Files.exists(target) && !Files.isWritable(target))) {
            throw new ParameterException(spec.commandLine(), "--out: " + target + " cannot be written (no permission)");
        }
    }
}
