package se.forebygg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.provider.ProviderApprovalCase;

class CaseReaderTest {

    static final String PROVIDER = "{\"type\":\"provider-approval\",\"caseId\":\"%s\",\"decisionDate\":\"2025-01-10\","
            + "\"competences\":[\"PHYSICIAN\",\"NURSE\"]}";
    static final String PSB = "{\"type\":\"preventive-sickness-benefit\",\"caseId\":\"%s\",\"step\":\"COMPENSATION\","
            + "\"decisionDate\":\"2025-03-20\",\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\"},"
            + "\"risk\":{\"expectedWorkCapacityReduction\":0.5},\"plan\":{\"kind\":\"MEDICAL_TREATMENT\","
            + "\"purpose\":\"PREVENT_ILLNESS\",\"orderedByPhysician\":true,\"approvedByAgency\":true,\"sessions\":6},"
            + "\"claim\":{\"days\":[{\"date\":\"2025-03-10\",\"treatmentMinutes\":90,\"preparationMinutes\":0,"
            + "\"travelMinutes\":40,\"normalWorkingMinutes\":480}]}}";

    private static List<CaseReader.Entry> read(String input) {
        List<CaseReader.Entry> entries = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(input))) {
            reader.forEachRemaining(entries::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return entries;
    }

    private static CaseError.Detail onlyError(String input) {
        List<CaseReader.Entry> entries = read(input);
        assertEquals(1, entries.size());
        assertFalse(entries.get(0).isCase(), "expected an error");
        return entries.get(0).error().error();
    }

    @Test
    void readsJsonLines() {
        List<CaseReader.Entry> entries = read(String.format(PROVIDER, "a") + "\n\n" + String.format(PSB, "b") + "\n");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).value() instanceof ProviderApprovalCase);
        assertTrue(entries.get(1).value() instanceof PreventiveCase);
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void readsAnArray() {
        List<CaseReader.Entry> entries = read("[\n" + String.format(PROVIDER, "a") + ",\n" + String.format(PSB, "b") + "\n]");
        assertEquals(2, entries.size());
        assertEquals("b", entries.get(1).value().caseId());
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void readsOnePrettyPrintedCase() {
        String pretty = "{\n  \"type\": \"provider-approval\",\n  \"caseId\": \"p\",\n  \"decisionDate\": \"2025-01-10\",\n"
                + "  \"competences\": [\"PHYSICIAN\"]\n}\n";
        List<CaseReader.Entry> entries = read(pretty);
        assertEquals(1, entries.size());
        assertEquals("p", entries.get(0).value().caseId());
    }

    @Test
    void readsAPrettyPrintedCaseWhoseFirstLineHoldsFields() {
        String pretty = "{\"type\": \"provider-approval\", \"caseId\": \"p\",\n  \"decisionDate\": \"2025-01-10\",\n"
                + "  \"competences\": [\"PHYSICIAN\"]\n}\n";
        List<CaseReader.Entry> entries = read(pretty);
        assertEquals(1, entries.size());
        assertEquals("p", entries.get(0).value().caseId());
    }

    @Test
    void aBadLineNamesItsLineAndPathAndTheGoodLinesStay() {
        String bad = String.format(PSB, "bad").replace("\"travelMinutes\":40", "\"travelMinutes\":-5");
        List<CaseReader.Entry> entries = read(String.format(PROVIDER, "a") + "\n" + bad + "\n" + String.format(PSB, "c"));
        assertEquals(3, entries.size());
        assertTrue(entries.get(0).isCase());
        assertTrue(entries.get(2).isCase());
        CaseError error = entries.get(1).error();
        assertEquals("bad", error.caseId());
        assertEquals(2, error.error().line());
        assertEquals("$.claim.days[0].travelMinutes", error.error().path());
        assertEquals("must be >= 0", error.error().message());
    }

    @Test
    void aPathInAPrettyPrintedArrayHasTheLineOfTheValue() {
        String input = "[\n{\n\"type\": \"provider-approval\",\n\"caseId\": \"x\",\n\"decisionDate\": \"2025-02-30\",\n"
                + "\"competences\": []\n}\n]";
        CaseError.Detail error = onlyError(input);
        assertEquals(5, error.line());
        assertEquals("$.decisionDate", error.path());
        assertEquals("not a date (YYYY-MM-DD): '2025-02-30'", error.message());
    }

    @Test
    void malformedJsonLineDoesNotStopTheOthers() {
        List<CaseReader.Entry> entries = read(String.format(PROVIDER, "a") + "\n{\"type\": \"provider-appr\n"
                + String.format(PROVIDER, "c"));
        assertEquals(3, entries.size());
        assertTrue(entries.get(0).isCase());
        assertTrue(entries.get(1).error().error().message().startsWith("malformed JSON"));
        assertEquals(2, entries.get(1).error().error().line());
        assertTrue(entries.get(2).isCase());
    }

    @Test
    void unknownTypeIsNamed() {
        CaseError.Detail error = onlyError("{\"type\":\"pension\",\"caseId\":\"x\"}");
        assertEquals("$.type", error.path());
        assertTrue(error.message().startsWith("unknown type \"pension\""), error.message());
    }

    @Test
    void missingTypeIsNamed() {
        CaseError.Detail error = onlyError("{\"caseId\":\"x\"}");
        assertEquals("$.type", error.path());
        assertEquals("is required", error.message());
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        CaseError.Detail error = onlyError(String.format(PSB, "x").replace("\"EMPLOYED\"", "\"RETIRED\""));
        assertEquals("$.insured.occupation", error.path());
        assertEquals("unknown value 'RETIRED' (allowed: EMPLOYED, SELF_EMPLOYED, UNEMPLOYED)", error.message());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertEquals("$.insured", onlyError(String.format(PSB, "x")
                .replace("\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\"},", "")).path());
        assertEquals("$.plan.sessions", onlyError(String.format(PSB, "x").replace(",\"sessions\":6", "")).path());
        assertEquals("$.caseId", onlyError(String.format(PSB, "")).path());
    }

    @Test
    void compensationNeedsAClaim() {
        String noClaim = String.format(PSB, "x").replaceAll(",\"claim\":.*\\}\\]\\}", "");
        CaseError.Detail error = onlyError(noClaim);
        assertEquals("$.claim", error.path());
    }

    @Test
    void duplicateClaimDatesAreRefused() {
        String day = "{\"date\":\"2025-03-10\",\"treatmentMinutes\":90,\"preparationMinutes\":0,\"travelMinutes\":40,"
                + "\"normalWorkingMinutes\":480}";
        String twice = String.format(PSB, "x").replace("\"days\":[" + day + "]", "\"days\":[" + day + "," + day + "]");
        CaseError.Detail error = onlyError(twice);
        assertEquals("$.claim.days[1].date", error.path());
    }

    @Test
    void stringsAreNotCoercedToNumbers() {
        CaseError.Detail error = onlyError(String.format(PSB, "x").replace("\"sessions\":6", "\"sessions\":\"6\""));
        assertEquals("$.plan.sessions", error.path());
    }

    @Test
    void duplicateCaseIdsInOneInputAreRefused() {
        List<CaseReader.Entry> entries = read(String.format(PROVIDER, "a") + "\n" + String.format(PROVIDER, "a"));
        assertTrue(entries.get(0).isCase());
        assertEquals("duplicate caseId 'a' (first on line 1)", entries.get(1).error().error().message());
    }

    @Test
    void emptyInputSaysSo() {
        CaseError.Detail error = onlyError("  \n ");
        assertEquals("the input holds no case", error.message());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        List<CaseReader.Entry> entries = read("\uFEFF" + String.format(PROVIDER, "a"));
        assertTrue(entries.get(0).isCase());
    }

    @Test
    void wrongTopLevelTypeIsRefused() {
        CaseError.Detail error = onlyError("42");
        assertNull(read("42").get(0).error().caseId());
        assertTrue(error.message().startsWith("expected a JSON object"), error.message());
    }

    @Test
    void aTruncatedArrayKeepsTheCasesBeforeTheBreak() {
        List<CaseReader.Entry> entries = read("[\n" + String.format(PROVIDER, "a") + ",\n{\"type\": \"prov");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).isCase());
        assertTrue(entries.get(1).error().error().message().startsWith("malformed JSON"));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutCrashing() {
        String deep = "{\"type\":\"provider-approval\",\"caseId\":\"d\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        List<CaseReader.Entry> entries = read(deep + "\n" + String.format(PROVIDER, "ok"));
        assertEquals(2, entries.size());
        assertFalse(entries.get(0).isCase());
        assertTrue(entries.get(1).isCase());
    }

    @Test
    void absurdNumbersAreBadInputNotCrashes() {
        CaseError.Detail huge = onlyError(String.format(PSB, "x").replace("420000", "1e308"));
        assertEquals("$.insured.annualIncome", huge.path());
        CaseError.Detail fortyDigits = onlyError(String.format(PSB, "x")
                .replace("\"travelMinutes\":40", "\"travelMinutes\":1234567890123456789012345678901234567890"));
        assertEquals("$.claim.days[0].travelMinutes", fortyDigits.path());
        CaseError.Detail text = onlyError(String.format(PSB, "x").replace("420000", "\"lots\""));
        assertEquals("$.insured.annualIncome", text.path());
        CaseError.Detail nullBoolean = onlyError(String.format(PSB, "x").replace("\"orderedByPhysician\":true",
                "\"orderedByPhysician\":null"));
        assertEquals("$.plan.orderedByPhysician", nullBoolean.path());
        CaseError.Detail fraction = onlyError(String.format(PSB, "x").replace("\"sessions\":6", "\"sessions\":6.5"));
        assertEquals("$.plan.sessions", fraction.path());
    }

    @Test
    void tooManyClaimDaysAreRefused() {
        StringBuilder days = new StringBuilder();
        java.time.LocalDate d = java.time.LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 10_001; i++) {
            days.append(i == 0 ? "" : ",").append("{\"date\":\"").append(d.plusDays(i)).append("\",\"treatmentMinutes\":1,")
                    .append("\"preparationMinutes\":0,\"travelMinutes\":0,\"normalWorkingMinutes\":480}");
        }
        String many = String.format(PSB, "x").replaceAll("\"days\":\\[.*\\]", "\"days\":[" + days + "]");
        CaseError.Detail error = onlyError(many);
        assertEquals("$.claim.days", error.path());
    }
}
