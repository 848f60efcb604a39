package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forebygg simulate on generated data, as a shell user runs it. */
class SimulateCommandTest {

    @Test
    void aHigherBenefitRateChangesDecisionsAndTheReportHoldsTheCharts(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, GenerateCommandTest.generate("generate", "--seed", "7", "--preventive", "120",
                "--providers", "10"));
        Path report = dir.resolve("what-if.html");

        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "simulate", cases.toString(),
                "--set", "sicknessBenefitRate=0.9@2025-01-01", "--set", "providerMinimumOtherCompetences=4",
                "--chunk", "17", "--report", report.toString());

        assertEquals(0, run.status(), run.err());
        String text = String.join("\n", run.lines());
        Matcher changed = Pattern.compile("Decisions changed: (\\d+) of 130").matcher(text);
        assertTrue(changed.find(), text);
        assertTrue(Integer.parseInt(changed.group(1)) > 0, text);
        assertTrue(text.contains("Biggest gains"), text);
        assertTrue(Pattern.compile("\\+[\\d,]+\\.\\d\\d kr.* preventive sickness benefit +psb-\\d{7}").matcher(text).find(),
                "a gain with its decisions: " + text);
        assertTrue(text.contains("PRV_TOO_FEW_COMPETENCES"), text);
        assertTrue(text.contains("SHA-256:"), text);
        assertTrue(text.contains("providerMinimumOtherCompetences = 4 from "), text);

        String html = Files.readString(report);
        assertTrue(html.contains("echarts.init"), "uses ECharts");
        assertTrue(html.length() > 500_000, "the ECharts bundle is inlined");
        assertTrue(html.contains("\"mainCodes\":{\"labels\":["), "carries the data");
        assertTrue(html.contains("PSB_DAY_BELOW_QUARTER"), "carries the reason codes");
        assertTrue(!html.contains("src=\"http"), "loads nothing from the network");
    }

    @Test
    void theChunkSizeDoesNotChangeTheTotals(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, GenerateCommandTest.generate("generate", "--seed", "8", "--preventive", "60",
                "--providers", "5"));
        String[] args = {"simulate", cases.toString(), "--set", "priceBaseAmount=60000@2025-01-01"};
        EvaluateCommandTest.Run whole = EvaluateCommandTest.run(null, args);
        EvaluateCommandTest.Run chunked = EvaluateCommandTest.run(null, append(args, "--chunk", "4"));
        assertEquals(0, whole.status(), whole.err());
        // the same, but for the time it was run
        assertEquals(whole.lines().stream().filter(l -> !l.startsWith("Run:")).toList(),
                chunked.lines().stream().filter(l -> !l.startsWith("Run:")).toList());
    }

    @Test
    void anUnknownParameterIsAUsageError(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, GenerateCommandTest.generate("generate", "--seed", "9", "--providers", "2"));
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "simulate", cases.toString(), "--set", "noSuchThing=1");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("unknown parameter 'noSuchThing'"), run.err());
    }

    @Test
    void aNegativeTopIsAUsageErrorAndTheSummarySpeaksSwedishWhenAsked(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, GenerateCommandTest.generate("generate", "--seed", "9", "--providers", "2"));
        EvaluateCommandTest.Run negative = EvaluateCommandTest.run(null, "simulate", cases.toString(),
                "--set", "providerMinimumOtherCompetences=4", "--top", "-1");
        assertEquals(ExitCodes.USAGE, negative.status());
        assertTrue(negative.err().contains("--top must be 0 or more, not -1"), negative.err());

        EvaluateCommandTest.Run swedish = EvaluateCommandTest.run(null, "simulate", cases.toString(),
                "--set", "providerMinimumOtherCompetences=4", "--top", "0", "--lang", "sv");
        assertEquals(0, swedish.status(), swedish.err());
        assertTrue(String.join("\n", swedish.lines()).contains("Största ökningar"), swedish.err());
        assertTrue(!String.join("\n", swedish.lines()).contains("Biggest gains"), swedish.err());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
