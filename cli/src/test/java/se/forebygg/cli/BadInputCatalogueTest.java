package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.http.DecisionServer;
import org.junit.jupiter.params.provider.MethodSource;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * Every kind of bad input, once through the API (CaseReader, then the engine) and once through the
 * command line: each gives the contract's error object naming line and JSON path, the good cases
 * around it are still decided, and the command exits 2. (How inputs are laid out — lines, arrays,
 * pretty-printing — is CaseReaderTest's subject; the 200 MB input is LargeInputTest's.)
 */
class BadInputCatalogueTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = new ObjectMapper();

    static final String PROVIDER = "{\"type\":\"provider-approval\",\"caseId\":\"%s\",\"decisionDate\":\"2025-01-10\","
            + "\"competences\":[\"PHYSICIAN\",\"NURSE\"]}";
    static final String DAY = "{\"date\":\"2025-03-10\",\"treatmentMinutes\":90,\"preparationMinutes\":0,"
            + "\"travelMinutes\":40,\"normalWorkingMinutes\":480}";
    static final String PSB = "{\"type\":\"preventive-sickness-benefit\",\"caseId\":\"%s\",\"step\":\"COMPENSATION\","
            + "\"decisionDate\":\"2025-03-20\",\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\",\"annualWorkingHours\":2080},"
            + "\"risk\":{\"expectedWorkCapacityReduction\":0.5},\"plan\":{\"kind\":\"MEDICAL_TREATMENT\","
            + "\"purpose\":\"PREVENT_ILLNESS\",\"orderedByPhysician\":true,\"approvedByAgency\":true,\"sessions\":6},"
            + "\"claim\":{\"days\":[" + DAY + "]}}";
    static final String GRANT = "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"%s\",\"employerId\":\"556000-0019\","
            + "\"employeeId\":\"19600118-1004\",\"employeeCondition\":\"AT_RISK_OF_REDUCED_WORK_CAPACITY\","
            + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
            + "\"performedOn\":\"2025-04-02\",\"amountPaid\":8000},{\"kind\":\"PLAN\",\"performedOn\":\"2025-04-20\","
            + "\"amountPaid\":6000}],\"submittedOn\":\"2025-09-01\"}";

    /** What one result line must be: a decision ({@code path} null) or an error at {@code line} and {@code path}. */
    record Expected(Integer line, String path, String message) {
        static Expected decided() {
            return new Expected(null, null, null);
        }

        static Expected error(Integer line, String path, String message) {
            return new Expected(line, path, message);
        }
    }

    static Expected ok() {
        return Expected.decided();
    }

    static Expected bad(Integer line, String path, String message) {
        return Expected.error(line, path, message);
    }

    static String psb(String id) {
        return String.format(PSB, id);
    }

    static String grant(String id) {
        return String.format(GRANT, id);
    }

    /** A bad case between two good ones (a provider approval before, a grant after). */
    static String between(String badLine) {
        return String.format(PROVIDER, "good-1") + "\n" + badLine + "\n" + grant("good-3") + "\n";
    }

    static Arguments kind(String name, String input, Expected... results) {
        return Arguments.of(name, input, List.of(results));
    }

    static Arguments kindBetween(String name, String badLine, String path, String message) {
        return kind(name, between(badLine), ok(), bad(2, path, message), ok());
    }

    static String manyDays(int n) {
        StringBuilder days = new StringBuilder();
        LocalDate d = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < n; i++) {
            days.append(i == 0 ? "" : ",").append(DAY.replace("2025-03-10", d.plusDays(i).toString()));
        }
        return psb("many").replace("[" + DAY + "]", "[" + days + "]");
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                kind("malformed JSON", String.format(PROVIDER, "good-1") + "\n{\"type\": \"provider-appr\n"
                        + grant("good-3"), ok(), bad(2, "$", "malformed JSON"), ok()),
                kind("truncated file", "[\n" + String.format(PROVIDER, "good-1") + ",\n{\"type\": \"prov",
                        ok(), bad(3, "$", "malformed JSON")),
                kind("empty file", "", bad(1, "$", "the input holds no case")),
                kind("only white space", " \n\t\n", bad(1, "$", "the input holds no case")),
                kind("UTF-8 byte order mark at the start (skipped: good input)", "\uFEFF" + between(psb("good-2")),
                        ok(), ok(), ok()),
                kindBetween("UTF-8 byte order mark inside the input", "\uFEFF" + psb("bom"), "$", "malformed JSON"),
                kind("wrong top-level type", "42", bad(1, "$", "expected a JSON object")),
                kindBetween("a line that is not an object", "[\"a\", \"b\"]", "$", "expected a JSON object (a case), found an array"),
                kindBetween("missing required field", psb("missing").replace(
                        "\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\",\"annualWorkingHours\":2080},", ""), "$.insured", "is required"),
                kindBetween("missing nested required field", psb("nested").replace(",\"sessions\":6", ""),
                        "$.plan.sessions", "is required"),
                kindBetween("null required field", psb("null").replace("\"orderedByPhysician\":true",
                        "\"orderedByPhysician\":null"), "$.plan.orderedByPhysician", "is required"),
                kindBetween("null required object", grant("null-provider").replace(
                        "{\"id\":\"P-3\",\"approvedByAgency\":true}", "null"), "$.provider", "is required"),
                kindBetween("empty caseId", psb(""), "$.caseId", "must not be empty"),
                kindBetween("unknown type", "{\"type\":\"pension\",\"caseId\":\"x\"}", "$.type", "unknown type \"pension\""),
                kindBetween("missing type", "{\"caseId\":\"x\"}", "$.type", "is required"),
                kindBetween("unknown enum value", psb("enum").replace("\"EMPLOYED\"", "\"RETIRED\""),
                        "$.insured.occupation", "unknown value 'RETIRED' (allowed: EMPLOYED, SELF_EMPLOYED, UNEMPLOYED)"),
                kindBetween("impossible date", String.format(PROVIDER, "feb30").replace("2025-01-10", "2025-02-30"),
                        "$.decisionDate", "not a date (YYYY-MM-DD): '2025-02-30'"),
                kindBetween("date after the parameter table", psb("late").replace("2025-03-10", "2031-03-10")
                        .replace("2025-03-20", "2031-03-20"), "$.decisionDate", "no parameters for 2031-03-20"),
                kindBetween("date before the parameter table", grant("early").replace("2025-04-02", "2009-04-02")
                        .replace("2025-04-20", "2009-04-20"), "$.measures[0].performedOn", "no parameters for 2009-04-02"),
                kindBetween("negative amount", grant("neg").replace("8000", "-8000"),
                        "$.measures[0].amountPaid", "must be >= 0"),
                kindBetween("negative minutes", psb("negmin").replace("\"travelMinutes\":40", "\"travelMinutes\":-5"),
                        "$.claim.days[0].travelMinutes", "must be >= 0"),
                kindBetween("non-numeric amount", psb("text").replace("420000", "\"lots\""),
                        "$.insured.annualIncome", ""),
                kindBetween("non-numeric minutes", psb("textmin").replace("\"treatmentMinutes\":90",
                        "\"treatmentMinutes\":\"90\""), "$.claim.days[0].treatmentMinutes", ""),
                kindBetween("a number as a string", psb("string6").replace("\"sessions\":6", "\"sessions\":\"6\""),
                        "$.plan.sessions", ""),
                kindBetween("fractional minutes", psb("frac").replace("\"treatmentMinutes\":90",
                        "\"treatmentMinutes\":90.5"), "$.claim.days[0].treatmentMinutes", ""),
                kindBetween("1e308 amount", grant("huge").replace("8000", "1e308"), "$.measures[0].amountPaid", ""),
                kindBetween("40-digit amount", grant("digits").replace("8000",
                        "1234567890123456789012345678901234567890"), "$.measures[0].amountPaid", ""),
                kindBetween("40-digit minutes", psb("digitmin").replace("\"travelMinutes\":40",
                        "\"travelMinutes\":1234567890123456789012345678901234567890"), "$.claim.days[0].travelMinutes", ""),
                kindBetween("more than 10 000 claim days", manyDays(10_001), "$.claim.days", ""),
                kindBetween("duplicate claim dates", psb("dup").replace("[" + DAY + "]", "[" + DAY + "," + DAY + "]"),
                        "$.claim.days[1].date", ""),
                kindBetween("mixed measure years", grant("mixed").replace("2025-04-20", "2026-01-20"),
                        "$.measures[1].performedOn", "one calendar year"),
                kindBetween("submitted before a measure was performed", grant("early-submit").replace("2025-09-01",
                        "2025-04-19"), "$.submittedOn", "before measures[1] was performed on 2025-04-20"),
                kindBetween("a claimed day after the decision date", psb("future-day").replace("2025-03-10",
                        "2025-03-21"), "$.claim.days[0].date", "is after the decision date 2025-03-20"),
                kindBetween("an employee's claim without annual working hours", psb("no-hours").replace(
                        ",\"annualWorkingHours\":2080", ""), "$.insured.annualWorkingHours", "is required at step COMPENSATION"),
                kindBetween("annual working hours above a leap year's hours", psb("hours").replace("2080", "8785"),
                        "$.insured.annualWorkingHours", "from 1 to 8784"),
                kindBetween("an amount with more than two decimals", grant("three-decimals").replace("8000",
                        "100.005"), "$.measures[0].amountPaid", "at most two decimals"),
                kindBetween("an employerId that is no organisation number", grant("emp-id").replace("556000-0019", "E-1"),
                        "$.employerId", "expected an organisation number"),
                kindBetween("an organisation number with a wrong check digit", grant("emp-luhn").replace("556000-0019",
                        "556000-0018"), "$.employerId", "check digit"),
                kindBetween("an employerId of 300 characters", grant("emp-long").replace("556000-0019", "5".repeat(300)),
                        "$.employerId", ""),
                kindBetween("an employeeId that is no personal identity number", grant("ee-id").replace("19600118-1004",
                        "E-17"), "$.employeeId", "expected a personal identity or coordination number"),
                kindBetween("a personal identity number of a day that does not exist", grant("ee-day").replace(
                        "19600118-1004", "19600230-1004"), "$.employeeId", ""),
                kindBetween("a caseId over 128 characters", psb("x".repeat(129)), "$.caseId",
                        "has 129 characters; at most 128 are allowed"),
                kindBetween("a caseId of 300 characters (longer than a ledger column)", psb("y".repeat(300)), "$.caseId",
                        "at most 128"),
                kindBetween("a caseId with U+0000 (PostgreSQL cannot store it)", psb("a\\u0000b"), "$.caseId",
                        "U+0000"),
                kind("duplicate caseIds in one input", String.format(PROVIDER, "good-1") + "\n"
                        + String.format(PROVIDER, "good-1") + "\n" + grant("good-3"),
                        ok(), bad(2, "$.caseId", "duplicate caseId 'good-1' (first on line 1)"), ok()),
                kindBetween("duplicate keys in one case", psb("dupkey").replace("\"step\":", "\"step\":\"PLAN_APPROVAL\",\"step\":"),
                        "$", "malformed JSON"),
                kindBetween("deeply nested JSON", "{\"type\":\"provider-approval\",\"caseId\":\"deep\",\"x\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "}", null, "nest"),
                kindBetween("content after the case on its line", String.format(PROVIDER, "after") + " {}", "$",
                        "unexpected content after the case"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void throughTheApi(String name, String input, List<Expected> expected) throws Exception {
        List<String> results = new ArrayList<>();
        ObjectMapper mapper = ForebyggJson.newMapper();
        try (CaseReader reader = CaseReader.open(new StringReader(input))) {
            List<Input> entries = new ArrayList<>();
            reader.forEachRemaining(entries::add);
            for (Result d : ENGINE.decideAll(entries)) {
                results.add(ForebyggJson.toLine(mapper, d));
            }
        }
        check(name, expected, results);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void throughTheCommandLine(String name, String input, List<Expected> expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("input.json");
        Files.writeString(file, input, StandardCharsets.UTF_8);
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", file.toString());
        check(name, expected, run.lines());
        boolean anyBad = expected.stream().anyMatch(e -> e.message() != null);
        assertEquals(anyBad ? 2 : 0, run.status(), name + ": " + run.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void throughHttp(String name, String input, List<Expected> expected) throws Exception {
        try (DecisionServer server = DecisionServer.start(ENGINE, new InMemoryGrantLedger(), "127.0.0.1", 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/v1/decisions"))
                    .POST(HttpRequest.BodyPublishers.ofString(input, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean anyBad = expected.stream().anyMatch(e -> e.message() != null);
            assertEquals(anyBad ? 400 : 200, response.statusCode(), name + ": " + response.body());
            List<String> results = new ArrayList<>();
            JsonNode body = response.body().startsWith("[") ? JSON.readTree(response.body()) : null;
            if (body != null) {
                body.forEach(n -> results.add(n.toString()));
            } else {
                response.body().lines().filter(l -> !l.isBlank()).forEach(results::add);
            }
            check(name, expected, results);
        }
    }

    private static void check(String name, List<Expected> expected, List<String> results) throws Exception {
        assertEquals(expected.size(), results.size(), name + ": " + results);
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            JsonNode result = JSON.readTree(results.get(i));
            String what = name + ", result " + (i + 1) + ": " + abbreviate(results.get(i));
            if (e.message() == null) {
                assertTrue(result.has("outcome"), what);
                continue;
            }
            JsonNode error = result.get("error");
            assertTrue(error != null && result.size() == 2, what);
            assertEquals(e.line(), error.get("line").isNull() ? null : error.get("line").asInt(), what);
            if (e.path() != null) {
                assertEquals(e.path(), error.get("path").asText(), what);
            } else {
                assertTrue(error.get("path").asText().startsWith("$"), what);
            }
            assertTrue(error.get("message").asText().contains(e.message()), what);
            if (e.path() == null || "$".equals(e.path()) && e.message().startsWith("malformed")) {
                assertNull(result.get("caseId").textValue(), what);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
