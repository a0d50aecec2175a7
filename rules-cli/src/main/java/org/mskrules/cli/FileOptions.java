package org.mskrules.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Files named on the command line. An input ({@code FILE}, {@code --cases}) must exist and not be a
 * directory; anything else that can be opened (a named pipe, {@code /dev/stdin}, a process
 * substitution) is read as a stream. Output files named by options ({@code --output}, {@code --markdown}, {@code --json}): checked before
 * any work is done, so that a directory or a missing folder is a usage error naming the option, and
 * written so that a failed write is an output failure (exit 4), never a stack trace.
 */
final class FileOptions {
    private FileOptions() {
    }

    /**
     * Refuses, as a usage error, an input that does not exist, is a directory or cannot be read, each
     * said as it is ({@code what} names the argument, e.g. {@code "file"} or {@code "--cases"}).
     */
    static void checkReadable(CommandSpec spec, String what, Path file) {
        if (!Files.exists(file)) {
            throw Usage.refused(spec, "no such " + what + " [" + file + "]");
        }
        if (Files.isDirectory(file)) {
            throw Usage.refused(spec, what + " [" + file + "] is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw Usage.refused(spec, what + " [" + file + "] cannot be read (permission denied)");
        }
    }

    /**
     * Refuses, as a usage error naming {@code option}, a path that is a directory or whose folder does
     * not exist; {@code null} (no file named) passes.
     */
    static void checkWritable(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw Usage.refused(spec, option + " [" + file + "] is a directory; name a file");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw Usage.refused(spec, option + " [" + file + "]: the folder [" + folder + "] does not exist");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw Usage.refused(spec, option + " [" + file + "] cannot be written");
        }
    }

    /** Writes {@code text} as UTF-8; a failure is an output failure naming the file. */
    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CheckedOutput.Failure(new IOException("cannot write [" + file + "]: " + e.getMessage(), e), -1);
        }
    }
}
