package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    private static String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertEquals(expectedExit, Main.run(args));
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shippedScenariosPassAgainstShippedAndFolderRules() {
        String out = run(0, "rules", "test", "--coverage", "../rules-drl/src/main/resources/se/forebygg/rules");
        assertTrue(out.endsWith(" passed, 0 failed" + System.lineSeparator()), out);
        // Benefits with a scenario folder (preventive, provider) have every rule fired; the grant
        // rules are proven by GrantRulesTest and have no scenario folder yet.
        assertTrue(out.contains("Coverage: "), out);
        assertTrue(!out.contains(": \"PSB-") && !out.contains(": \"PRV-"), out);
        String folder = run(0, "rules", "test", "--rules", "../rules-drl/src/main/resources",
                "--name", "ceiling in 2022", "../rules-drl/src/main/resources/se/forebygg/rules");
        assertEquals("1 passed, 0 failed" + System.lineSeparator(), folder);
    }

    @Test
    void shippedRulesCheckClean() {
        String out = run(0, "rules", "check", "../rules-drl/src/main/resources");
        assertTrue(out.matches("\\d+ files checked: 0 errors, 0 warnings" + System.lineSeparator()), out);
    }

    @Test
    void explainInSwedish() {
        String out = run(0, "explain", "--lang", "sv", "../examples/data/demo-cases.jsonl");
        assertTrue(out.startsWith("Ärende psb-0001 (förebyggande sjukpenning)\nUtfall: bifall, belopp 0,00 kr\n"), out);
    }
}
