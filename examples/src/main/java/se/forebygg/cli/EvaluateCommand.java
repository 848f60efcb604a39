package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.grant.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * {@code forebygg evaluate FILE}: one decision (or error object) per line, in input order. Grant
 * applications of one input are evaluated together, in order of submittedOn then caseId.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and writes one decision or error object per line.",
                "FILE holds one JSON case, a JSON array of cases, or JSON Lines; '-' reads standard input.",
                "Exit status: 0 all decided, 2 some case was bad input (the others are still written), 1 internal failure."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or '-' for standard input.")
    String file;

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws IOException {
        Forebygg engine = options.engine();
        ObjectMapper mapper = ForebyggJson.newMapper();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        boolean bad = false;
        try (Inputs.Opened input = Inputs.open(file, "evaluate");
             CaseReader reader = CaseReader.open(input.reader())) {
            // Grant applications count against each other's caps in order of submission, so the
            // whole input is read before anything is decided; results still come out in input order.
            List<CaseReader.Entry> entries = new ArrayList<>();
            List<Case> cases = new ArrayList<>();
            while (reader.hasNext()) {
                CaseReader.Entry entry = reader.next();
                entries.add(entry);
                cases.add(entry.isCase() ? entry.value() : null);
            }
            Object[] results = new Object[entries.size()];
            Decision[] decisions = engine.evaluateAll(cases, new InMemoryGrantLedger(),
                    (i, problem) -> results[i] = entries.get(i).errorFor(problem));
            for (int i = 0; i < results.length; i++) {
                CaseReader.Entry entry = entries.get(i);
                if (!entry.isCase()) {
                    results[i] = entry.error();
                } else if (decisions[i] != null) {
                    results[i] = decisions[i];
                }
            }
            for (Object result : results) {
                bad |= !(result instanceof Decision);
                out.println(ForebyggJson.toLine(mapper, result));
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
