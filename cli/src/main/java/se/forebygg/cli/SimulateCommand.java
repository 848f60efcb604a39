package se.forebygg.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.forebygg.json.CaseReader;
import se.forebygg.simulate.HtmlReport;
import se.forebygg.simulate.Simulation;
import se.forebygg.simulate.TextSummary;

/** {@code forebygg simulate FILE --set PARAM=VALUE[@FROM]}: what changes if the law's numbers change. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Compares the decisions of FILE under the shipped and under changed parameters.",
                "Prints what changes: decisions, totals paid, caps hit, reason codes, biggest winners and losers.",
                "Exit status: 0 every case decided, 2 some case was bad input (left out of the totals), 1 failure."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Cases (JSON, JSON array or JSON Lines); '-' reads standard input.")
    String file;

    @Option(names = "--set", required = true, paramLabel = "PARAM=VALUE[@FROM]",
            description = {"A parameter's new value, from FROM (YYYY-MM-DD; default: the start of the table) on.",
                    "Repeatable. E.g. --set grantCapPerEmployee=15000@2025-01-01"})
    List<String> changes = new ArrayList<>();

    @Mixin
    EngineOptions options;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with charts.")
    Path report;

    @Option(names = "--chunk", defaultValue = "10000", description = "Cases decided together in one batch. Default: ${DEFAULT-VALUE}.")
    int chunk;

    @Option(names = "--top", defaultValue = "5", description = "How many biggest winners and losers to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Override
    public Integer call() throws Exception {
        se.forebygg.parameters.Parameters baseline = options.parameters();
        se.forebygg.parameters.Parameters whatIf = baseline;
        for (String change : changes) {
            whatIf = apply(whatIf, change);
        }
        String label = String.join(", ", changes);
        Simulation simulation;
        try {
            simulation = new Simulation(options.engine(baseline), options.engine(whatIf), chunk, top);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Simulation.Result result;
        try (Inputs.Opened input = Inputs.open(file, "simulate");
             CaseReader reader = CaseReader.open(input.reader())) {
            result = simulation.run(reader);
        } catch (NoSuchFileException e) {
            System.err.println("forebygg: no such file: " + file);
            return ExitCodes.INTERNAL_FAILURE;
        }
        TextSummary.print(result, label, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        if (report != null) {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
                HtmlReport.write(result, label, out);
            }
            System.err.println("forebygg: report written to " + report);
        }
        return result.badInput() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private se.forebygg.parameters.Parameters apply(se.forebygg.parameters.Parameters table, String change) {
        int eq = change.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(spec.commandLine(), "--set " + change + ": expected PARAM=VALUE[@FROM]");
        }
        String name = change.substring(0, eq);
        String value = change.substring(eq + 1);
        LocalDate from = table.coverageFrom();
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            try {
                from = LocalDate.parse(value.substring(at + 1));
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--set " + change + ": FROM is not a date (YYYY-MM-DD)");
            }
            value = value.substring(0, at);
        }
        try {
            return table.withValue(name, value, from);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--set " + change + ": " + e.getMessage());
        }
    }
}
