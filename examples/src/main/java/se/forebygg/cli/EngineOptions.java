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

    /** The engine these options ask for; throws when the rules do not compile or the parameters do not load. */
    Forebygg engine() {
        Forebygg.Builder builder = Forebygg.builder();
        if (rules != null) {
            builder.rulesDirectory(rules);
        }
        if (parameters != null) {
            builder.parameters(Parameters.load(parameters));
        }
        return builder.build();
    }
}
