package se.forebygg.authoring;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a rules folder: where it is (file, line and column, counted from 1) and what
 * it is. Reads as {@code path/to/file.drl:LINE:COLUMN: error: message}, like a compiler's.
 */
public record Diagnostic(Path file, int line, int column, Level level, String message) {

    /** How bad a problem is: an error stops the rules from being built; a warning does not. */
    public enum Level { ERROR, WARNING }

    /** Errors before warnings, then by file and position. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::level)
            .thenComparing(d -> d.file().toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column);

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
