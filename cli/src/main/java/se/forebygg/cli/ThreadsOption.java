package se.forebygg.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --threads N}: how many threads decide at once (evaluate, explain, simulate). */
final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "N",
            description = "Decide on N threads at once (default: one per core); the output is the same for any N.")
    void threads(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + n);
        }
        threads = n;
    }
}
