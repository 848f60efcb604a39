package se.forebygg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;

/** The JSON contract: schemas, round trips and byte-identical output. */
class JsonContractTest {
    static final Path DEMO = Path.of("../examples/data/demo-cases.jsonl");
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper MAPPER = ForebyggJson.newMapper();
    static List<Case> demoCases;

    @BeforeAll
    static void readDemo() throws IOException {
        demoCases = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DEMO); CaseReader reader = CaseReader.open(in)) {
            reader.forEachRemaining(e -> {
                assertTrue(e instanceof Input.Read, () -> "demo case is bad input: " + e);
                demoCases.add(((Input.Read) e).aCase());
            });
        }
        assertFalse(demoCases.isEmpty());
    }

    @Test
    void everyDemoCaseIsValidAgainstTheCaseSchema() throws IOException {
        for (String line : Files.readAllLines(DEMO)) {
            if (!line.isBlank()) {
                JsonNode node = MAPPER.readTree(line);
                assertEquals("", Schemas.problems(Schemas.CASE, node), node.path("caseId").asText());
            }
        }
    }

    @Test
    void everyDecisionIsValidAgainstTheDecisionSchema() throws IOException {
        for (Decision d : decisions(ENGINE)) {
            JsonNode node = MAPPER.readTree(ForebyggJson.toLine(MAPPER, d));
            assertEquals("", Schemas.problems(Schemas.DECISION, node), d.caseId());
        }
    }

    static List<Decision> decisions(Forebygg engine) {
        return engine.decideAll(Input.all(demoCases)).stream().map(Result::orThrow).toList();
    }

    @Test
    void errorObjectsAreValidAgainstTheDecisionSchema() throws IOException {
        Result.Refused error = new Result.Refused("ars-0009", 9, "$.measures[1].amountPaid", "must be >= 0");
        JsonNode node = MAPPER.readTree(ForebyggJson.toLine(MAPPER, error));
        assertEquals("", Schemas.problems(Schemas.DECISION, node));
        assertEquals("{\"caseId\":\"ars-0009\",\"error\":{\"line\":9,\"path\":\"$.measures[1].amountPaid\","
                + "\"message\":\"must be >= 0\"}}", ForebyggJson.toLine(MAPPER, error));
        assertEquals("{\"caseId\":null,\"error\":{\"line\":1,\"path\":\"$\",\"message\":\"x\"}}",
                ForebyggJson.toLine(MAPPER, new Result.Refused(null, 1, "$", "x")));
    }

    @Test
    void aRefusalWithACauseSaysIt() throws IOException {
        Result.Refused ledger = new Result.Refused("ars-0012", 12, "$", "the ledger did not give the room",
                Result.Cause.LEDGER, null);
        assertEquals("{\"caseId\":\"ars-0012\",\"error\":{\"line\":12,\"path\":\"$\","
                + "\"message\":\"the ledger did not give the room\",\"cause\":\"ledger\"}}", ForebyggJson.toLine(MAPPER, ledger));
        Result.Refused rules = new Result.Refused("psb-1", null, "$", "rule 'x' fired 10 times", Result.Cause.RULES, "x");
        assertEquals("{\"caseId\":\"psb-1\",\"error\":{\"line\":null,\"path\":\"$\","
                + "\"message\":\"rule 'x' fired 10 times\",\"cause\":\"rules\"}}", ForebyggJson.toLine(MAPPER, rules));
        for (Result.Refused r : List.of(ledger, rules)) {
            assertEquals("", Schemas.problems(Schemas.DECISION, MAPPER.readTree(ForebyggJson.toLine(MAPPER, r))));
            assertFalse(r.isBadInput());
        }
    }

    @Test
    void aDecidedResultWritesItsDecision() throws IOException {
        List<Result> results = ENGINE.decideAll(Input.all(demoCases));
        assertEquals(demoCases.size(), results.size());
        for (Result r : results) {
            Result.Decided decided = (Result.Decided) r;
            String json = ForebyggJson.toLine(MAPPER, r);
            assertEquals(ForebyggJson.toLine(MAPPER, decided.decision()), json);
            assertEquals("", Schemas.problems(Schemas.DECISION, MAPPER.readTree(json)), r.caseId());
        }
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
        String negative = Files.readAllLines(DEMO).get(1).replace("\"travelMinutes\":40", "\"travelMinutes\":-1");
        assertFalse(Schemas.problems(Schemas.CASE, MAPPER.readTree(negative)).isEmpty());
        String badDate = Files.readAllLines(DEMO).get(0).replace("2025-02-14", "2025-02-30");
        assertFalse(Schemas.problems(Schemas.CASE, MAPPER.readTree(badDate)).isEmpty());
        String badEnum = Files.readAllLines(DEMO).get(0).replace("\"EMPLOYED\"", "\"RETIRED\"");
        assertFalse(Schemas.problems(Schemas.CASE, MAPPER.readTree(badEnum)).isEmpty());
    }

    @Test
    void casesSurviveARoundTrip() throws IOException {
        for (Case c : demoCases) {
            String json = ForebyggJson.toLine(MAPPER, c);
            assertEquals(c, MAPPER.readValue(json, Case.class), json);
            assertEquals("", Schemas.problems(Schemas.CASE, MAPPER.readTree(json)), json);
        }
    }

    @Test
    void decisionsSurviveARoundTripByteForByte() throws IOException {
        for (Decision d : decisions(ENGINE)) {
            String json = ForebyggJson.toLine(MAPPER, d);
            Decision back = MAPPER.readValue(json, Decision.class);
            assertEquals(json, ForebyggJson.toLine(MAPPER, back));
        }
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() {
        List<String> first = decisions(ENGINE).stream().map(d -> ForebyggJson.toLine(MAPPER, d)).toList();
        List<String> again = decisions(Forebygg.create()).stream()
                .map(d -> ForebyggJson.toLine(ForebyggJson.newMapper(), d)).toList();
        assertEquals(first, again);
    }

    @Test
    void theDecisionSchemaListsEveryReasonCode() throws IOException {
        JsonNode schema;
        try (var in = JsonContractTest.class.getResourceAsStream("/se/forebygg/schema/decision.schema.json")) {
            schema = MAPPER.readTree(in);
        }
        List<String> listed = new ArrayList<>();
        schema.findParents("code").stream().map(p -> p.get("code").get("enum")).filter(e -> e != null)
                .forEach(e -> e.forEach(c -> listed.add(c.asText())));
        assertEquals(java.util.Arrays.stream(se.forebygg.engine.ReasonCode.values()).map(Enum::name).sorted().toList(),
                listed.stream().sorted().toList(), "the decision schema's reason codes are ReasonCode's");
    }
}
