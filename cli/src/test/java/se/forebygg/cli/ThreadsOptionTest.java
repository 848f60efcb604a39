package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseReader;
import se.forebygg.testkit.CaseGenerator;

/** {@code --threads N} changes nothing in what evaluate and explain write. */
class ThreadsOptionTest {
    @TempDir
    Path dir;

    @Test
    void evaluateAndExplainWriteTheSameOnAnyNumberOfThreads() throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        StringWriter generated = new StringWriter();
        new CaseGenerator(21, 2025, 10).write(generated, 400, 300);
        Files.writeString(cases, generated.toString());

        EvaluateCommandTest.Run one = EvaluateCommandTest.run(null, "evaluate", "--threads", "1", cases.toString());
        assertEquals(0, one.status(), one.err());
        assertEquals(710, one.lines().size());
        for (String n : new String[] {"2", "3"}) {
            EvaluateCommandTest.Run several = EvaluateCommandTest.run(null, "evaluate", "--threads", n, cases.toString());
            assertEquals(one.status(), several.status(), several.err());
            assertEquals(one.lines(), several.lines(), n + " threads");
        }

        // explain: what the engine gives for the whole input at once, each explanation in input order.
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(Files.newBufferedReader(cases))) {
            reader.forEachRemaining(inputs::add);
        }
        StringBuilder expected = new StringBuilder();
        for (Result result : Forebygg.create().decideAll(inputs)) {
            expected.append(expected.length() == 0 ? "" : System.lineSeparator()).append(Explanation.of(result, Locale.ENGLISH));
        }
        for (String n : new String[] {"1", "2"}) {
            EvaluateCommandTest.Run explained = EvaluateCommandTest.run(null, "explain", "--threads", n, cases.toString());
            assertEquals(0, explained.status(), explained.err());
            assertEquals(expected.toString().stripTrailing(), String.join("\n", explained.lines()).stripTrailing(), n + " threads");
        }
    }

    @Test
    void noThreadsIsAUsageError() {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--threads", "0", "-");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("--threads must be at least 1, not 0"), run.err());
    }
}
