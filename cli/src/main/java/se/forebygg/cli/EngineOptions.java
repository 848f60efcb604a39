package se.forebygg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.forebygg.engine.Forebygg;
import se.forebygg.parameters.Parameters;

/** {@code --rules DIR} and {@code --parameters FILE}, shared by every command. */
final class EngineOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Compile the rules from the .drl files under DIR instead of using the shipped ones.")
    Path rules;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "Use this parameter file (YAML, as the shipped parameters.yaml) instead of the shipped one.")
    Path parameters;

    /** These options as command-line arguments, to repeat them in a suggested command. */
    java.util.List<String> asArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (rules != null) {
            args.add("--rules");
            args.add(rules.toString());
        }
        if (parameters != null) {
            args.add("--parameters");
            args.add(parameters.toString());
        }
        return args;
    }

    /** The parameter table these options ask for: the file given, else the shipped one. */
    Parameters parameters() {
        return parameters == null ? Parameters.standard() : Parameters.load(parameters);
    }

    /** The engine these options ask for; throws when the rules do not compile or the parameters do not load. */
    Forebygg engine() {
        return engine(parameters());
    }

    /** These options' rules with {@code table} as parameters (e.g. a what-if overlay of {@link #parameters()}). */
    Forebygg engine(Parameters table) {
        Forebygg.Builder builder = Forebygg.builder().parameters(table);
        if (rules != null) {
            builder.rulesDirectory(rules);
        }
        return builder.build();
    }
}
