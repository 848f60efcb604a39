package se.forebygg.engine;

import se.forebygg.Forebygg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.grant.ForwardingGrantLedger;
import se.forebygg.grant.GrantCase;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/** The one scheduler behind {@link Forebygg#decideAll}: every input keeps its place, grants go in submission order. */
class SchedulerTest {
    private static final Forebygg ENGINE = Forebygg.create();

    private static String grant(String caseId, String employer, String employee, String performed, String submitted) {
        return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"" + caseId + "\",\"employerId\":\"" + employer
                + "\",\"employeeId\":\"" + employee + "\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
                + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
                + "\"performedOn\":\"" + performed + "\",\"amountPaid\":16000}],\"submittedOn\":\"" + submitted + "\"}";
    }

    private static List<Input> read(String... lines) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(String.join("\n", lines)))) {
            reader.forEachRemaining(inputs::add);
        }
        return inputs;
    }

    @Test
    void refusedInputsKeepTheirPlaceAmongGrantsDecidedInSubmissionOrder() throws IOException {
        List<Input> inputs = read(
                grant("ars-b", "556000-0019", "19600118-1004", "2025-04-02", "2025-10-01"),
                "{\"type\":\"no-such-type\",\"caseId\":\"bad-1\"}",
                grant("ars-a", "556000-0019", "19600118-1004", "2025-04-02", "2025-09-01"),
                grant("ars-old", "556000-0019", "19600118-1004", "1990-04-02", "1990-09-01"),
                grant("ars-c", "556000-0100", "19900215-1232", "2025-04-02", "2025-08-01"));
        assertThat(inputs.get(1)).isInstanceOf(Input.Unread.class);
        List<String> reserved = new ArrayList<>();
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        List<Result> results = ENGINE.decideAll(inputs, new ForwardingGrantLedger(ledger) {
            @Override
            public Reservation reserve(GrantCase application) {
                reserved.add(application.caseId());
                return super.reserve(application);
            }
        });

        assertThat(results).hasSize(5).extracting(Result::caseId)
                .containsExactly("ars-b", "bad-1", "ars-a", "ars-old", "ars-c");
        // ars-a was submitted first: it takes the employee's room, ars-b gets what is left of the 10 000 cap.
        assertThat(results.get(2).orThrow().amount()).isEqualByComparingTo("8000");
        assertThat(results.get(0).orThrow().amount()).isEqualByComparingTo("2000");
        assertThat(reserved.indexOf("ars-a")).isLessThan(reserved.indexOf("ars-b"));
        // The unreadable line is refused where it stood, as read.
        assertThat(results.get(1)).isSameAs(((Input.Unread) inputs.get(1)).refusal());
        // A grant refused by the engine (a date outside the parameters) is refused in its place, on its line.
        Result.Refused old = (Result.Refused) results.get(3);
        assertThat(old.isBadInput()).isTrue();
        assertThat(old.line()).isEqualTo(4);
        assertThat(old.path()).isEqualTo("$.measures[0].performedOn");
        assertThat(results.get(4)).isInstanceOf(Result.Decided.class);
        assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("10000");
        assertThat(ForebyggJson.toLine(ForebyggJson.newMapper(), old))
                .startsWith("{\"caseId\":\"ars-old\",\"error\":{\"line\":4,\"path\":\"$.measures[0].performedOn\",");
    }

    @Test
    void oneCaseAndManyAreDecidedAlike() {
        GrantCase earlier = (GrantCase) ((Input.Read) readQuietly(
                grant("ars-a", "556000-0019", "19600118-1004", "2025-04-02", "2025-09-01"))).aCase();
        assertThat(ENGINE.decideAll(List.of(Input.of(earlier))).get(0).orThrow()).isEqualTo(ENGINE.evaluate(earlier));
    }

    private static Input readQuietly(String line) {
        try {
            return read(line).get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
