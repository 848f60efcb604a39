package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.testkit.CaseGenerator;

/**
 * Whatever the order of the input, the batch sizes and the number of threads, {@link InputOrder} writes what
 * the engine gives for the whole input decided at once, in input order: grants in their order through one
 * ledger, other cases as they come, bad lines refused where they stand.
 */
class InputOrderTest {
    private static final ObjectMapper MAPPER = ForebyggJson.newMapper();
    private static List<String> generated;

    @BeforeAll
    static void generate() throws IOException {
        StringWriter out = new StringWriter();
        new CaseGenerator(7, 2025, 6).write(out, 260, 140);
        generated = out.toString().lines().toList();
    }

    @ParameterizedTest(name = "shuffled with seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void anyOrderAnyBatchesAnyThreadsGiveTheWholeInputsResultsInItsOrder(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(generated);
        Collections.shuffle(lines, random);
        lines.add(random.nextInt(lines.size()), "{\"caseId\": \"broken\", ");        // refused where it stands
        lines.add(random.nextInt(lines.size()), lines.get(random.nextInt(lines.size()))); // a caseId twice
        String text = String.join("\n", lines) + "\n";

        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(text))) {
            reader.forEachRemaining(inputs::add);
        }
        List<String> expected = Forebygg.create().decideAll(inputs, InMemoryGrantLedger.forOneRun()).stream()
                .map(InputOrderTest::text).toList();

        int chunk = 1 + random.nextInt(60);
        int grantBatch = 1 + random.nextInt(60);
        for (int threads : new int[] {1, 2, 3}) {
            Forebygg engine = Forebygg.builder().threads(threads).build();
            List<String> written = new ArrayList<>();
            try (CaseReader reader = CaseReader.open(new StringReader(text));
                 Progress progress = new Progress("test", -1, false, new PrintStream(OutputStream.nullOutputStream()), System::nanoTime)) {
                new InputOrder(engine, InMemoryGrantLedger.forOneRun(), null,
                        result -> text(result).getBytes(StandardCharsets.UTF_8), chunk, grantBatch)
                        .decide(reader, progress, (bytes, offset, length) -> written.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
            }
            assertEquals(expected, written, threads + " threads, batches of " + chunk + " and " + grantBatch + " grants");
        }
    }

    /**
     * A text of any shape, as {@code explain}'s are: a refusal's empty (an empty text must not be taken for a
     * grant's place), a decision's its JSON broken over two lines, every rejection's many times as long (longer
     * than any buffer a text is copied through).
     */
    private static String text(Result result) {
        if (result instanceof Result.Refused) {
            return "";
        }
        String text = ForebyggJson.toLine(MAPPER, result).replaceFirst(",", ",\n");
        return result instanceof Result.Decided decided && decided.decision().outcome() == Outcome.REJECTED
                ? (text + "\n").repeat(Math.floorMod(decided.decision().caseId().hashCode(), 7) * 5 + 1) : text;
    }
}
