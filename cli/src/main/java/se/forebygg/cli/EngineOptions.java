package se.forebygg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.forebygg.Forebygg;
import se.forebygg.parameters.Parameters;

/** {@code --rules DIR} and {@code --parameters FILE|DIR}, shared by every command. */
final class EngineOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Compile the rules from the .drl files under DIR instead of using the shipped ones.")
    Path rules;

    @Option(names = "--parameters", paramLabel = "FILE|DIR",
            description = {"Use these parameters instead of the shipped ones: a benefit's parameter file (YAML, as the"
                    + " shipped <benefit>/parameters.yaml) replaces that benefit's; a folder holding"
                    + " <benefit>/parameters.yaml replaces each benefit's it holds. Repeatable: later ones win."})
    java.util.List<Path> parameters;

    /** These options as command-line arguments, to repeat them in a suggested command. */
    java.util.List<String> asArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (rules != null) {
            args.add("--rules");
            args.add(rules.toString());
        }
        if (parameters != null) {
            for (Path p : parameters) {
                args.add("--parameters");
                args.add(p.toString());
            }
        }
        return args;
    }

    /** The parameter table these options ask for: the shipped one, with each file or folder given in place of its benefits'. */
    Parameters parameters() {
        Parameters table = Parameters.standard();
        if (parameters != null) {
            for (Path p : parameters) {
                table = table.replacedFrom(p);
            }
        }
        return table;
    }

    /** The engine these options ask for; throws when the rules do not compile or the parameters do not load. */
    Forebygg engine() {
        return engine(parameters());
    }

    /** These options' rules with {@code table} as parameters (e.g. a what-if overlay of {@link #parameters()}). */
    Forebygg engine(Parameters table) {
        return builder(table).build();
    }

    /** As {@link #engine(Parameters)}, deciding on {@code threads} threads at once. */
    Forebygg engine(Parameters table, ThreadsOption threads) {
        return builder(table).threads(threads.threads).build();
    }

    private Forebygg.Builder builder(Parameters table) {
        Forebygg.Builder builder = Forebygg.builder().parameters(table);
        if (rules != null) {
            builder.rulesDirectory(rules);
        }
        return builder;
    }
}
