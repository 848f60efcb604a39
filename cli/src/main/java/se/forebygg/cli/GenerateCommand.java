package se.forebygg.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.forebygg.testkit.CaseGenerator;
import se.forebygg.parameters.Parameters;

/** {@code forebygg generate}: realistic synthetic cases as JSON Lines on standard output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes realistic synthetic cases as JSON Lines to standard output.",
                "The same options give byte-identical output. Calibration: docs/synthetic-data.md."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", required = true, description = "Seed of the random numbers.")
    long seed;

    @Option(names = "--grants", defaultValue = "0", description = "Workplace rehabilitation grant applications. Default: ${DEFAULT-VALUE}.")
    long grants;

    @Option(names = "--preventive", defaultValue = "0", description = "Preventive sickness benefit cases. Default: ${DEFAULT-VALUE}.")
    long preventive;

    @Option(names = "--providers", defaultValue = "40", description = "Providers (each with an approval case). Default: ${DEFAULT-VALUE}.")
    int providers;

    @Option(names = "--year", defaultValue = "2025", description = "Year of the measures and claimed days. Default: ${DEFAULT-VALUE}.")
    int year;

    @Override
    public Integer call() throws Exception {
        Parameters table = Parameters.standard();
        int first = table.coverageFrom().getYear() + 1;
        int last = table.coverageUntil().getYear() - 1;
        if (year < first || year > last) {
            throw new ParameterException(spec.commandLine(), "--year must lie in " + first + "–" + last
                    + " (the parameter table covers " + table.coverageFrom() + " to " + table.coverageUntil() + ")");
        }
        if (grants < 0 || preventive < 0 || providers < 1) {
            throw new ParameterException(spec.commandLine(), "--grants and --preventive must be >= 0, --providers >= 1");
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        new CaseGenerator(seed, year, providers).write(out, grants, preventive);
        return System.out.checkError() ? ExitCodes.INTERNAL_FAILURE : ExitCodes.OK;
    }
}
