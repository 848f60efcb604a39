package se.forebygg.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void itDecidesTheCaseBuiltInCodeAndTheOneReadFromJson() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("psb-in-code: PARTIALLY_APPROVED, 628.00 kr"), text);
        assertTrue(text.contains("PSB_DAY_BELOW_QUARTER (PSB-10"), text);
        assertTrue(text.contains("\"hourlyRate\" : 157"), text);
        assertTrue(text.contains("prv-from-json: REJECTED, 0.00 kr"), text);
        assertTrue(text.contains("PRV_TOO_FEW_COMPETENCES"), text);
    }
}
