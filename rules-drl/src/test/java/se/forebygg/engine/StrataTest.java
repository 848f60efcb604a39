package se.forebygg.engine;

import se.forebygg.Forebygg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.forebygg.json.CaseReader;

/**
 * A rule that looks at what is absent fires only after what it looks for is known (its salience is its
 * stratum, docs/rule-authoring.md). So no rule fires and is then withdrawn, and a decision's rulesFired
 * names only rules whose conclusions stand: the same whatever order the compiled rules put equal rules in.
 */
class StrataTest {
    private static final Map<String, Decision> DEMO = new HashMap<>();

    @BeforeAll
    static void decideTheDemoFile() throws IOException {
        List<Input> inputs = new java.util.ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("../examples/data/demo-cases.jsonl"));
             CaseReader reader = CaseReader.open(in)) {
            reader.forEachRemaining(inputs::add);
        }
        for (Result r : Forebygg.create().decideAll(inputs)) {
            if (r instanceof Result.Decided d) {
                DEMO.put(d.caseId(), d.decision());
            }
        }
    }

    @Test
    void aRejectedApplicationNeverFiresTheGrant() {
        Decision late = DEMO.get("ars-0004");
        assertEquals(Outcome.REJECTED, late.outcome());
        assertFalse(late.rulesFired().contains("ARS-5 the grant is half the covered cost within the room under both caps"),
                late.rulesFired().toString());
    }

    @Test
    void anApplicationUnderTheCapPerApplicationNeverFiresTheYearlyCapsRoom() {
        Decision before2018 = DEMO.get("ars-0008");
        assertTrue(before2018.rulesFired().contains("ARS-10 before the yearly caps an application is limited on its own"));
        assertFalse(before2018.rulesFired().contains("ARS-6 room left under the cap per employee and year"),
                before2018.rulesFired().toString());
        assertFalse(before2018.rulesFired().contains("ARS-7 room left under the cap per employer and year"),
                before2018.rulesFired().toString());
    }

    @Test
    void aClaimWithSomeDayPaidNeverFiresNoCompensationWithoutSgi() {
        Decision partly = DEMO.get("psb-0008");
        assertEquals(Outcome.PARTIALLY_APPROVED, partly.outcome());
        assertTrue(partly.rulesFired().contains("PSB-7a a day without SGI is refused alone"), partly.rulesFired().toString());
        assertFalse(partly.rulesFired().contains("PSB-7 without SGI no compensation is paid"), partly.rulesFired().toString());
    }
}
