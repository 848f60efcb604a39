package se.forebygg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import se.forebygg.audit.AuditLog;
import se.forebygg.Forebygg;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * {@code forebygg evaluate FILE}: one decision (or error object) per line, in input order. Grant
 * applications of one input are evaluated together, in order of submittedOn then caseId ({@link InputOrder}):
 * memory does not grow with the input.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and writes one decision or error object per line.",
                "FILE holds one JSON case, a JSON array of cases, or JSON Lines; '-' reads standard input."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or '-' for standard input.")
    String file;

    @Mixin
    EngineOptions options;

    @Mixin
    ThreadsOption threads;

    @Mixin
    LedgerOptions ledgerOptions;

    @Mixin
    AuditOptions auditOptions;

    @Override
    public Integer call() throws Exception {
        Forebygg engine = options.engine(options.parameters(), threads);
        ObjectMapper mapper = ForebyggJson.newMapper();
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        byte[] lineBreak = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
        Outcomes outcomes = new Outcomes();
        try (Inputs.Opened input = Inputs.open(file, "evaluate");
             CaseReader reader = CaseReader.open(input.reader());
             LedgerOptions.Opened ledgers = ledgerOptions.openForOneRun();
             AuditLog audit = auditOptions.auditLog == null ? null
                     : AuditLog.append(auditOptions.auditLog, engine, ledgers.ledger(), auditOptions.auditKey)) {
            new InputOrder(engine, ledgers.ledger(), audit, result -> {
                outcomes.note(result);
                return json(mapper, result);
            }).decide(reader, input.progress(), (line, offset, length) -> {
                out.write(line, offset, length);
                out.write(lineBreak);
            });
            input.progress().finished();
        } finally {
            out.flush();
        }
        return outcomes.exitCode();
    }

    /** The result as one line of JSON, in UTF-8. */
    private static byte[] json(ObjectMapper mapper, Result result) {
        try {
            return mapper.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the results so far say for the exit status. */
    private static final class Outcomes {
        boolean badInput;
        boolean undecided;

        void note(Result result) {
            if (result instanceof Result.Refused error) {
                badInput |= error.isBadInput();
                undecided |= !error.isBadInput();
            }
        }

        int exitCode() {
            return undecided ? ExitCodes.INTERNAL_FAILURE : badInput ? ExitCodes.BAD_INPUT : ExitCodes.OK;
        }
    }
}
