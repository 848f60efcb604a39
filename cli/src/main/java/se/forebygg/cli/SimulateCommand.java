package se.forebygg.cli;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.forebygg.Forebygg;
import se.forebygg.json.CaseReader;
import se.forebygg.simulate.ChangeOptions;
import se.forebygg.simulate.ParameterChanges;
import se.forebygg.simulate.Provenance;
import se.forebygg.simulate.Simulation;
import se.forebygg.simulate.SummaryOptions;

/** {@code forebygg simulate FILE --set PARAM=VALUE[@FROM]}: what changes if the law's numbers change. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Compares the decisions of FILE under the shipped and under changed parameters.",
                "Prints what changes, with where it comes from (input and its SHA-256, rules version, every changed",
                "parameter, run date): decisions changed by outcome, amount or findings, totals paid, outcomes,",
                "decisions and amounts by main reason code (adding up to the totals), the biggest gains and losses."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Cases (JSON, JSON array or JSON Lines); '-' reads standard input.")
    String file;

    @Mixin
    ChangeOptions set;

    @Mixin
    EngineOptions options;

    @Mixin
    ThreadsOption threads;

    @Mixin
    SummaryOptions summary;

    @Option(names = "--chunk", defaultValue = "4000",
            description = "Cases decided together in one batch, in both scenarios: more take more memory. Default: ${DEFAULT-VALUE}.")
    int chunk;

    @Override
    public Integer call() throws Exception {
        se.forebygg.parameters.Parameters baseline = options.parameters();
        se.forebygg.parameters.Parameters whatIf;
        try {
            whatIf = ParameterChanges.apply(baseline, set.changes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Instant run = Instant.now();
        Forebygg baselineEngine = options.engine(baseline, threads);
        Forebygg whatIfEngine = options.engine(whatIf, threads);
        Simulation simulation;
        try {
            simulation = new Simulation(baselineEngine, whatIfEngine, chunk, summary.top());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Simulation.Result result;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Inputs.Opened input = Inputs.open(file, "simulate", sha256);
             CaseReader reader = CaseReader.open(input.reader())) {
            result = simulation.run(reader, input.progress()::phase);
            // The hash is of every byte of the input, also of any the reader left unread after the last case.
            char[] rest = new char[8192];
            while (input.reader().read(rest) >= 0) {
                // drained
            }
            input.progress().finished();
        }
        Provenance provenance = new Provenance("-".equals(file) ? null : file, HexFormat.of().formatHex(sha256.digest()),
                baselineEngine.rulesVersion(), whatIfEngine.rulesVersion(),
                options.parameters == null ? List.of() : options.parameters.stream().map(Path::toString).toList(),
                ParameterChanges.describe(baseline, whatIf, set.changes), run);
        Path report = summary.show(result, provenance);
        if (report != null) {
            System.err.println("forebygg: report written to " + report);
        }
        return result.badInput() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
