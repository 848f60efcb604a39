package se.forebygg.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.engine.Forebygg;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseError;
import se.forebygg.json.CaseReader;

/** {@code forebygg explain FILE}: each case's decision as readable text. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and explains each decision in words: outcome and amount, "
                + "each finding with its legal reference, then the calculation step by step.",
                "FILE is read as by 'evaluate'. Exit status as 'evaluate'."})
final class ExplainCommand implements Callable<Integer> {

    enum Lang { sv, en }

    @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or '-' for standard input.")
    String file;

    @Option(names = "--lang", paramLabel = "sv|en", defaultValue = "en",
            description = "Language of the explanation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws IOException {
        Forebygg engine = options.engine();
        Locale locale = Locale.forLanguageTag(lang.name());
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        boolean bad = false;
        boolean first = true;
        try (Inputs.Opened input = Inputs.open(file, "explain");
             CaseReader reader = CaseReader.open(input.reader())) {
            while (reader.hasNext()) {
                CaseReader.Entry entry = reader.next();
                if (!first) {
                    out.println();
                }
                first = false;
                CaseError error = null;
                if (entry.isCase()) {
                    try {
                        out.print(Explanation.of(engine.evaluate(entry.value()), locale));
                    } catch (InvalidCaseException e) {
                        error = entry.errorFor(e);
                    }
                } else {
                    error = entry.error();
                }
                if (error != null) {
                    bad = true;
                    out.println((lang == Lang.sv ? "Felaktigt ärende " : "Bad case ") + error.caseId()
                            + (lang == Lang.sv ? " (rad " : " (line ") + error.error().line() + ", " + error.error().path() + "): " + error.error().message());
                }
            }
        } catch (NoSuchFileException e) {
            System.err.println("forebygg: no such file: " + file);
            return ExitCodes.INTERNAL_FAILURE;
        } finally {
            out.flush();
        }
        return bad ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
