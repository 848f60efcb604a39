package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.Forebygg;
import se.forebygg.engine.Result;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.ledger.InMemoryGrantLedger;

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
        ObjectMapper mapper = ForebyggJson.newMapper();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        boolean[] bad = {false};
        boolean[] first = {true};
        try (Inputs.Opened input = Inputs.open(file, "explain");
             CaseReader reader = CaseReader.open(input.reader())) {
            // Decided as 'evaluate' decides (grant applications in their order); each explanation waits for its
            // place as one line of JSON text.
            new InputOrder(engine, InMemoryGrantLedger.forOneRun(), null, result -> {
                bad[0] |= result instanceof Result.Refused;
                return ForebyggJson.toLine(mapper, Explanation.of(result, locale));
            }).decide(reader, input.progress(), line -> {
                out.print((first[0] ? "" : System.lineSeparator()) + mapper.readValue(line, String.class));
                first[0] = false;
            });
            input.progress().finished();
        } finally {
            out.flush();
        }
        return bad[0] ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
