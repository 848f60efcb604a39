package se.forebygg.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.testkit.CaseGenerator;

/**
 * Deciding on several threads gives, byte for byte, what one thread gives, whatever the order of the input,
 * with a ledger in memory and in a database; the yearly caps hold.
 */
class ThreadsPropertiesTest {
    private static final BigDecimal EMPLOYEE_CAP = new BigDecimal("10000");
    private static final BigDecimal EMPLOYER_CAP = new BigDecimal("200000");
    private static final int YEAR = 2025;
    private static final ObjectMapper JSON = ForebyggJson.newMapper();
    /** Engines deciding on 1 to 4 threads (index = threads). */
    private static final Forebygg[] ENGINES = new Forebygg[5];

    static {
        for (int n = 1; n < ENGINES.length; n++) {
            ENGINES[n] = Forebygg.builder().threads(n).build();
        }
    }

    enum Ledger { MEMORY, H2 }

    @Property(tries = 40)
    void anyNumberOfThreadsDecidesAsOneThreadOnAShuffledInput(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll Random shuffle,
            @ForAll Ledger kind) {
        List<Input> inputs = mixedCases(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, shuffle);
        List<Input> shuffled = order.stream().map(inputs::get).toList();

        List<String> oneThread = lines(ENGINES[1], inputs, kind);
        List<String> several = lines(ENGINES[threads], shuffled, kind);

        for (int k = 0; k < order.size(); k++) {
            assertThat(several.get(k)).as("input %d on %d threads", order.get(k), threads).isEqualTo(oneThread.get(order.get(k)));
        }
    }

    /** Decides {@code inputs} with a fresh ledger of {@code kind}; the results as JSON lines, the caps checked. */
    private static List<String> lines(Forebygg engine, List<Input> inputs, Ledger kind) {
        GrantLedger ledger = kind == Ledger.MEMORY ? new InMemoryGrantLedger()
                : JdbcGrantLedger.open("jdbc:h2:mem:" + UUID.randomUUID());
        try {
            List<Result> results = engine.decideAll(inputs, ledger);
            assertCapsHold(inputs, results, ledger);
            return results.stream().map(r -> ForebyggJson.toLine(JSON, r)).toList();
        } finally {
            if (ledger instanceof JdbcGrantLedger jdbc) {
                jdbc.close();
            }
        }
    }

    private static void assertCapsHold(List<Input> inputs, List<Result> results, GrantLedger ledger) {
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) instanceof Input.Read read && read.aCase() instanceof GrantCase c
                    && results.get(i) instanceof Result.Decided decided) {
                perEmployer.merge(GrantLedger.employerKey(c.employerId(), c.year()) + "|" + c.year(),
                        decided.decision().amount(), BigDecimal::add);
                perEmployee.merge(GrantLedger.employerKey(c.employerId(), c.year()) + "|"
                        + GrantLedger.employeeKey(c.employeeId(), c.year()) + "|" + c.year(), decided.decision().amount(), BigDecimal::add);
                assertThat(ledger.granted(c.employerId(), c.year())).isLessThanOrEqualTo(EMPLOYER_CAP);
                assertThat(ledger.granted(c.employerId(), c.employeeId(), c.year())).isLessThanOrEqualTo(EMPLOYEE_CAP);
            }
        }
        perEmployer.forEach((k, v) -> assertThat(v).as(k).isLessThanOrEqualTo(EMPLOYER_CAP));
        perEmployee.forEach((k, v) -> assertThat(v).as(k).isLessThanOrEqualTo(EMPLOYEE_CAP));
    }

    /**
     * Generated providers, grant applications (employers of many sizes, so rooms with many grants) and PSB
     * cases, plus one application repeated under its caseId for another employer a day later: two rooms
     * joined by a caseId, where the one decided first is recorded and the other refused.
     */
    private static List<Input> mixedCases(long seed) {
        StringWriter out = new StringWriter();
        try {
            new CaseGenerator(seed, YEAR, 5).write(out, 120, 60);
            List<String> lines = new ArrayList<>(out.toString().lines().toList());
            int firstGrant = 5;
            ObjectNode twin = (ObjectNode) JSON.readTree(lines.get(firstGrant));
            ObjectNode other = (ObjectNode) JSON.readTree(lines.get(firstGrant + 119));
            twin.set("employerId", other.get("employerId"));
            twin.put("submittedOn", java.time.LocalDate.parse(twin.get("submittedOn").asText()).plusDays(1).toString());
            List<Input> inputs = new ArrayList<>();
            for (String line : lines) {
                inputs.add(read(line));
            }
            inputs.add(read(JSON.writeValueAsString(twin)));
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line read alone, so that a repeated caseId reaches the engine (a reader would refuse it). */
    private static Input read(String line) throws IOException {
        try (CaseReader reader = CaseReader.open(new StringReader(line))) {
            return reader.next();
        }
    }
}
