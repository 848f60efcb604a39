package se.forebygg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        byte[] lineBreak = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
        boolean[] bad = {false};
        boolean[] first = {true};
        try (Inputs.Opened input = Inputs.open(file, "explain");
             CaseReader reader = CaseReader.open(input.reader())) {
            // Decided as 'evaluate' decides (grant applications in their order); the explanations one after
            // another, a line break between two.
            new InputOrder(engine, InMemoryGrantLedger.forOneRun(), null, result -> {
                bad[0] |= result instanceof Result.Refused;
                return Explanation.of(result, locale).getBytes(StandardCharsets.UTF_8);
            }).decide(reader, input.progress(), (text, offset, length) -> {
                if (!first[0]) {
                    out.write(lineBreak);
                }
                out.write(text, offset, length);
                first[0] = false;
            });
            input.progress().finished();
        } finally {
            out.flush();
        }
        return bad[0] ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
