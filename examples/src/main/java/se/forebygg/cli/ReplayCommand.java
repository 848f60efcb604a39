package se.forebygg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import se.forebygg.engine.Case;
import se.forebygg.engine.Forebygg;
import se.forebygg.grant.AlreadyGranted;
import se.forebygg.grant.GrantCase;
import se.forebygg.json.ForebyggJson;

/**
 * {@code forebygg replay LOG}: decides every case of an audit log again (a grant with what the ledger
 * held before it as {@code alreadyGranted}, without a ledger) and reports each decision, input hash or
 * parameter value that differs.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Decides the cases of an audit log (evaluate --audit-log) again and reports mismatches.",
                "Exit status: 0 every decision replayed identically, 3 some did not, 1 internal failure."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOG", description = "Audit log written by 'forebygg evaluate --audit-log'.")
    Path log;

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws Exception {
        Forebygg engine = options.engine();
        ObjectMapper json = AuditLog.mapper();
        int replayed = 0;
        int skipped = 0;
        int mismatches = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = json.readTree(text);
                String where = "line " + lineNo + " (" + line.path("caseId").asText() + ")";
                if (line.path(AuditLog.RECORDED_EARLIER).asBoolean(false)) {
                    skipped++;
                    continue;
                }
                Case aCase = json.treeToValue(line.get(AuditLog.CASE), Case.class);
                String mismatch = compare(engine, json, line, aCase);
                replayed++;
                if (mismatch != null) {
                    mismatches++;
                    System.out.println("MISMATCH " + where + ": " + mismatch);
                }
            }
        } catch (NoSuchFileException e) {
            System.err.println("forebygg: no such file: " + log);
            return ExitCodes.INTERNAL_FAILURE;
        }
        System.out.println("replayed " + replayed + " decisions: " + mismatches + " mismatches"
                + (skipped == 0 ? "" : ", " + skipped + " skipped (given back from the ledger, replayed where first logged)"));
        return mismatches == 0 ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    private static String compare(Forebygg engine, ObjectMapper json, JsonNode line, Case aCase)
            throws JsonProcessingException {
        String hash = ForebyggJson.inputHash(aCase);
        if (!ForebyggJson.isInputHashOf(line.path(AuditLog.INPUT_HASH).asText(), aCase)) {
            return "input hash " + hash + ", logged " + line.path(AuditLog.INPUT_HASH).asText();
        }
        // Compared as written: a number read back from the log may be held in another node type.
        String parameters = json.writeValueAsString(engine.parametersFor(aCase));
        String loggedParameters = json.writeValueAsString(line.get(AuditLog.PARAMETERS));
        if (!parameters.equals(loggedParameters)) {
            return "parameters now " + parameters + ", logged " + loggedParameters;
        }
        Case asDecided = aCase;
        JsonNode prior = line.get(AuditLog.PRIOR_GRANTS);
        if (aCase instanceof GrantCase g && prior != null) {
            asDecided = new GrantCase(g.caseId(), g.employerId(), g.employeeId(), g.employeeCondition(), g.provider(),
                    g.measures(), g.submittedOn(), new AlreadyGranted(prior.get("employee").decimalValue(),
                    prior.get("employer").decimalValue()));
        }
        String now = json.writeValueAsString(engine.evaluate(asDecided));
        String logged = json.writeValueAsString(line.get(AuditLog.DECISION));
        if (!now.equals(logged)) {
            return "decision now " + now + ", logged " + logged;
        }
        return null;
    }
}
