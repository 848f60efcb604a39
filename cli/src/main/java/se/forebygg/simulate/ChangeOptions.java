package se.forebygg.simulate;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set PARAM=VALUE[@FROM]}, repeatable: the parameter changes of a what-if, as {@link ParameterChanges} reads them. */
public final class ChangeOptions {
    /** The changes as given, in order. */
    @Option(names = "--set", required = true, paramLabel = "PARAM=VALUE[@FROM]",
            description = {"A parameter's new value, from FROM (YYYY-MM-DD; default: the start of the table) on.",
                    "Repeatable. E.g. --set grantCapPerEmployee=15000@2025-01-01"})
    public List<String> changes = new ArrayList<>();
}
