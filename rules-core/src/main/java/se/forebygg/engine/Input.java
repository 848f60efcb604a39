package se.forebygg.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One input to decide ({@link se.forebygg.Forebygg#decideAll}): a case {@link Read read}, or an input that could not
 * be read as a case and is {@link Unread refused} already, keeping its place among the others.
 * {@link se.forebygg.json.CaseReader} yields them; a Java host makes them with {@link #of(Case)}.
 */
public sealed interface Input permits Input.Read, Input.Unread {

    /** A case with no lines: what a Java host decides. */
    static Input of(Case aCase) {
        return new Read(aCase, path -> null);
    }

    /** {@link #of(Case)} of each case, in order. */
    static List<Input> all(List<? extends Case> cases) {
        return cases.stream().map(Input::of).toList();
    }

    /** The line the input starts on; 0 when unknown. */
    int line();

    /** Where a value stands in the input: the line of a JSON path inside the case (null when unknown). */
    @FunctionalInterface
    interface Lines {
        Integer lineOf(String path);

        /**
         * The line every value of the case is on, when the case stood on one line (as in JSON Lines); empty
         * when its values may be on several lines, or their lines are unknown.
         */
        default OptionalInt onlyLine() {
            return OptionalInt.empty();
        }

        /**
         * A case whose values stood on several lines: a value's line is its own in {@code lines} (by JSON path, as
         * {@code $.measures[0].cost}), else that of its nearest enclosing value there, else {@code first}.
         */
        static Lines of(Map<String, Integer> lines, int first) {
            Map<String, Integer> byPath = Map.copyOf(lines);
            return path -> {
                for (String p = path; ; ) {
                    Integer line = byPath.get(p);
                    if (line != null) {
                        return line;
                    }
                    int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                    if (cut <= 0) {
                        return first;
                    }
                    p = p.substring(0, cut);
                }
            };
        }

        /** A case that stood whole on line {@code line}: every value is on it. */
        static Lines onLine(int line) {
            return new Lines() {
                @Override
                public Integer lineOf(String path) {
                    return line;
                }

                @Override
                public OptionalInt onlyLine() {
                    return OptionalInt.of(line);
                }
            };
        }
    }

    /** A case read; a problem the engine finds later in it is reported on the line {@code lines} gives. */
    record Read(Case aCase, Lines lines) implements Input {
        public Read {
            Objects.requireNonNull(aCase, "case");
            Objects.requireNonNull(lines, "lines");
        }

        @Override
        public int line() {
            Integer line = lines.lineOf("$");
            return line == null ? 0 : line;
        }
    }

    /** An input that is not a case; its result is {@code refusal}. */
    record Unread(Result.Refused refusal) implements Input {
        public Unread {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public int line() {
            return refusal.line() == null ? 0 : refusal.line();
        }
    }
}
