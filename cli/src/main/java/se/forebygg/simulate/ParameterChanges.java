package se.forebygg.simulate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import se.forebygg.parameters.Parameters;

/**
 * The what-if's parameter changes as {@code simulate --set} takes them, {@code PARAM=VALUE[@FROM]}: a
 * parameter's new value from FROM on (default: the start of the table), applied as an overlay.
 */
public final class ParameterChanges {
    private ParameterChanges() {
    }

    /**
     * {@code table} with every change applied in order. Throws {@link IllegalArgumentException} naming the
     * change at fault ({@code --set …: …}) when one is not {@code PARAM=VALUE[@FROM]}, its FROM is no date,
     * or the table refuses it (an unknown parameter, a value of the wrong kind).
     */
    public static Parameters apply(Parameters table, List<String> changes) {
        Parameters result = table;
        for (String change : changes) {
            result = apply(result, change);
        }
        return result;
    }

    private static Parameters apply(Parameters table, String change) {
        int eq = change.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set " + change + ": expected PARAM=VALUE[@FROM]");
        }
        String name = change.substring(0, eq);
        String value = change.substring(eq + 1);
        LocalDate from = table.coverageFrom();
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            try {
                from = LocalDate.parse(value.substring(at + 1));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--set " + change + ": FROM is not a date (YYYY-MM-DD)");
            }
            value = value.substring(0, at);
        }
        try {
            return table.withValue(name, value, from);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--set " + change + ": " + e.getMessage());
        }
    }

    /**
     * Each change as given (already {@link #apply applied} to {@code baseline}, giving {@code whatIf}), with
     * the value the what-if table and the baseline table hold on its FROM day: what {@link Provenance} lists.
     */
    public static List<Provenance.ParameterChange> describe(Parameters baseline, Parameters whatIf, List<String> changes) {
        List<Provenance.ParameterChange> result = new ArrayList<>();
        for (String change : changes) {
            String name = change.substring(0, change.indexOf('='));
            LocalDate from = from(baseline, change);
            Object before;
            try {
                before = baseline.value(name, from);
            } catch (RuntimeException e) {
                before = null; // the baseline table does not reach that day
            }
            result.add(new Provenance.ParameterChange(name, whatIf.value(name, from), from, before));
        }
        return result;
    }

    /** The FROM of a change (already checked by {@link #apply}), or the start of the table. */
    private static LocalDate from(Parameters table, String change) {
        String value = change.substring(change.indexOf('=') + 1);
        int at = value.lastIndexOf('@');
        return at >= 0 ? LocalDate.parse(value.substring(at + 1)) : table.coverageFrom();
    }
}
