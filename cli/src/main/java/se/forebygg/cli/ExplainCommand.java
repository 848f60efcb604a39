package se.forebygg.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseReader;

/** {@code forebygg explain FILE}: each case's decision as readable text. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and explains each decision in words: outcome and amount, "
                + "each finding with its legal reference, then the calculation step by step.",
                "FILE is read as by 'evaluate'."})
final class ExplainCommand implements Callable<Integer> {

    enum Lang { sv, en }

    @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or '-' for standard input.")
    String file;

    @Option(names = "--lang", paramLabel = "sv|en", defaultValue = "en",
            description = "Language of the explanation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Mixin
    EngineOptions options;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws IOException {
        Forebygg engine = options.engine(options.parameters(), threads);
        Locale locale = Locale.forLanguageTag(lang.name());
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        boolean bad = false;
        try (Inputs.Opened input = Inputs.open(file, "explain");
             CaseReader reader = CaseReader.open(input.reader())) {
            // Read whole, so that grant applications are decided together as 'evaluate' decides them.
            List<Input> inputs = new ArrayList<>();
            reader.forEachRemaining(inputs::add);
            boolean first = true;
            for (Result result : engine.decideAll(inputs)) {
                out.print((first ? "" : System.lineSeparator()) + Explanation.of(result, locale));
                first = false;
                bad |= result instanceof Result.Refused;
            }
        } finally {
            out.flush();
        }
        return bad ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
