package se.forebygg.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.Forebygg;

/**
 * An audit log written before each benefit had its own parameter record: its lines hold one object of
 * all the law's numbers per period. Replay compares, by name, the values each benefit's record has now.
 */
class AuditReplayOldParametersTest {
    static final Forebygg ENGINE = Forebygg.create();

    private static Path copy(Path dir) throws Exception {
        Path log = dir.resolve("old.audit.jsonl");
        try (InputStream in = AuditReplayOldParametersTest.class.getResourceAsStream("before-benefit-parameters.audit.jsonl")) {
            Files.write(log, in.readAllBytes());
        }
        return log;
    }

    @Test
    void theParametersOfAnOldLogStillAgree(@TempDir Path dir) throws Exception {
        Path log = copy(dir);
        List<String> reports = new ArrayList<>();
        AuditReplay.Summary summary = AuditReplay.check(log, ENGINE, null, null, reports::add);
        assertEquals(21, summary.replayed(), reports.toString());
        assertTrue(reports.stream().noneMatch(r -> r.contains("parameters now")), reports.toString());
        assertEquals(0, summary.chainBreaks(), reports.toString());
    }

    @Test
    void aChangedValueInAnOldLogIsAMismatch(@TempDir Path dir) throws Exception {
        Path log = copy(dir);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"grantCapPerEmployee\":10000"));
        Files.writeString(log, text.replace("\"grantCapPerEmployee\":10000", "\"grantCapPerEmployee\":10001"));
        List<String> reports = new ArrayList<>();
        AuditReplay.check(log, ENGINE, null, null, reports::add);
        assertTrue(reports.stream().anyMatch(r -> r.contains("parameters now")), reports.toString());
    }
}
