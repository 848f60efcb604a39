package se.forebygg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Case;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.provider.ProviderApprovalCase;

/**
 * How inputs are laid out: JSON Lines, arrays, pretty-printed documents, and the lines and paths
 * reported in each. Every kind of bad input is in the examples module's BadInputCatalogueTest, once
 * through this API and once through the command line.
 */
class CaseReaderTest {

    static final String PROVIDER = "{\"type\":\"provider-approval\",\"caseId\":\"%s\",\"decisionDate\":\"2025-01-10\","
            + "\"competences\":[\"PHYSICIAN\",\"NURSE\"]}";
    static final String PSB = "{\"type\":\"preventive-sickness-benefit\",\"caseId\":\"%s\",\"step\":\"COMPENSATION\","
            + "\"decisionDate\":\"2025-03-20\",\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\",\"annualWorkingHours\":2080},"
            + "\"risk\":{\"expectedWorkCapacityReduction\":0.5},\"plan\":{\"kind\":\"MEDICAL_TREATMENT\","
            + "\"purpose\":\"PREVENT_ILLNESS\",\"orderedByPhysician\":true,\"approvedByAgency\":true,\"sessions\":6},"
            + "\"claim\":{\"days\":[{\"date\":\"2025-03-10\",\"treatmentMinutes\":90,\"preparationMinutes\":0,"
            + "\"travelMinutes\":40,\"normalWorkingMinutes\":480}]}}";

    private static List<Input> read(String input) {
        List<Input> entries = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(input))) {
            reader.forEachRemaining(entries::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return entries;
    }

    private static Case caseOf(Input input) {
        return ((Input.Read) input).aCase();
    }

    private static Result.Refused onlyError(String input) {
        List<Input> entries = read(input);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0) instanceof Input.Unread, "expected an error");
        return ((Input.Unread) entries.get(0)).refusal();
    }

    @Test
    void readsJsonLines() {
        List<Input> entries = read(String.format(PROVIDER, "a") + "\n\n" + String.format(PSB, "b") + "\n");
        assertEquals(2, entries.size());
        assertTrue(caseOf(entries.get(0)) instanceof ProviderApprovalCase);
        assertTrue(caseOf(entries.get(1)) instanceof PreventiveCase);
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void readsAnArray() {
        List<Input> entries = read("[\n" + String.format(PROVIDER, "a") + ",\n" + String.format(PSB, "b") + "\n]");
        assertEquals(2, entries.size());
        assertEquals("b", caseOf(entries.get(1)).caseId());
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void readsOnePrettyPrintedCase() {
        String pretty = "{\n  \"type\": \"provider-approval\",\n  \"caseId\": \"p\",\n  \"decisionDate\": \"2025-01-10\",\n"
                + "  \"competences\": [\"PHYSICIAN\"]\n}\n";
        List<Input> entries = read(pretty);
        assertEquals(1, entries.size());
        assertEquals("p", caseOf(entries.get(0)).caseId());
    }

    @Test
    void readsAPrettyPrintedCaseWhoseFirstLineHoldsFields() {
        String pretty = "{\"type\": \"provider-approval\", \"caseId\": \"p\",\n  \"decisionDate\": \"2025-01-10\",\n"
                + "  \"competences\": [\"PHYSICIAN\"]\n}\n";
        List<Input> entries = read(pretty);
        assertEquals(1, entries.size());
        assertEquals("p", caseOf(entries.get(0)).caseId());
    }

    @Test
    void aPathInAPrettyPrintedArrayHasTheLineOfTheValue() {
        String input = "[\n{\n\"type\": \"provider-approval\",\n\"caseId\": \"x\",\n\"decisionDate\": \"2025-02-30\",\n"
                + "\"competences\": []\n}\n]";
        Result.Refused error = onlyError(input);
        assertEquals(5, error.line());
        assertEquals("$.decisionDate", error.path());
        assertEquals("not a date (YYYY-MM-DD): '2025-02-30'", error.message());
    }

    @Test
    void compensationNeedsAClaim() {
        String noClaim = String.format(PSB, "x").replaceAll(",\"claim\":.*\\}\\]\\}", "");
        Result.Refused error = onlyError(noClaim);
        assertEquals("$.claim", error.path());
    }

    static final String GRANT = "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"g\",\"employerId\":\"556000-0019\","
            + "\"employeeId\":\"19600118-1004\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
            + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
            + "\"performedOn\":\"2025-04-02\",\"amountPaid\":8000}],\"submittedOn\":\"2025-09-01\"}";

    @Test
    void aGrantSubmittedBeforeAMeasureWasPerformedIsBadInput() {
        Result.Refused error = onlyError(GRANT.replace("2025-09-01", "2025-04-01"));
        assertEquals("$.submittedOn", error.path());
        assertEquals(1, error.line());
        assertTrue(error.message().contains("before measures[0] was performed on 2025-04-02"), error.message());
    }

    @Test
    void aGrantSubmittedOnTheDayOfItsLastMeasureIsRead() {
        assertTrue(read(GRANT.replace("2025-09-01", "2025-04-02")).get(0) instanceof Input.Read);
    }

    @Test
    void anAmountWithThreeDecimalsIsBadInput() {
        Result.Refused error = onlyError(GRANT.replace("8000", "100.005"));
        assertEquals("$.measures[0].amountPaid", error.path());
        assertTrue(error.message().contains("at most two decimals"), error.message());
    }

    @Test
    void aLineReadAloneIsReadAsInAStreamButForItsCaseIdSeenElsewhere() {
        String broken = "{\"type\":\"provider-approval\",\"caseId\":\"c\",\"decisionDate\":\"2025-02-30\",\"competences\":[]}";
        List<Input> stream = read(String.format(PROVIDER, "a") + "\n" + broken + "\n" + String.format(PSB, "a") + "\n");
        CaseReader lines = CaseReader.ofLines();
        assertEquals(null, lines.readLine("  ", 4));
        Input first = lines.readLine(String.format(PROVIDER, "a"), 7);
        assertEquals(7, first.line());
        assertEquals(caseOf(stream.get(0)), caseOf(first));
        assertEquals(((Input.Unread) stream.get(1)).refusal(), ((Input.Unread) lines.readLine(broken, 2)).refusal());
        // The same caseId on another line is the caller's to refuse, with what the stream says for it.
        Input again = lines.readLine(String.format(PSB, "a"), 3);
        assertTrue(again instanceof Input.Read);
        assertEquals(((Input.Unread) stream.get(2)).refusal(), CaseReader.duplicate("a", 3, 1));
    }
}
