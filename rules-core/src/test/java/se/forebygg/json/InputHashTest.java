package se.forebygg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Case;

/**
 * Idempotency by meaning: a retry of one application from another serialiser (numbers written
 * differently, fields in another order, spacing) has the same input hash; any changed value does not.
 */
class InputHashTest {
    static final ObjectMapper JSON = ForebyggJson.newMapper();

    private static Case read(String json) throws Exception {
        return JSON.readValue(json, Case.class);
    }

    private static String psb(String income, String reduction) {
        return CaseReaderTest.PSB.formatted("psb-1").replace("420000", income).replace("0.5}", reduction + "}");
    }

    @Test
    void numbersCountByValueNotBySpelling() throws Exception {
        String hash = ForebyggJson.inputHash(read(psb("420000", "0.5")));
        assertEquals(hash, ForebyggJson.inputHash(read(psb("420000.0", "0.50"))));
        assertEquals(hash, ForebyggJson.inputHash(read(psb("4.2E5", "5E-1"))));
        assertEquals(hash, ForebyggJson.inputHash(read(psb("420000.000", "0.500000"))));
    }

    @Test
    void fieldOrderAndSpacingDoNotCount() throws Exception {
        String reordered = "{ \"caseId\" : \"prv-1\", \"competences\" : [\"PHYSICIAN\", \"NURSE\"],"
                + " \"decisionDate\" : \"2025-01-10\", \"type\" : \"provider-approval\" }";
        assertEquals(ForebyggJson.inputHash(read(CaseReaderTest.PROVIDER.formatted("prv-1"))),
                ForebyggJson.inputHash(read(reordered)));
    }

    @Test
    void anyChangedValueChangesTheHash() throws Exception {
        String hash = ForebyggJson.inputHash(read(psb("420000", "0.5")));
        assertNotEquals(hash, ForebyggJson.inputHash(read(psb("420001", "0.5"))));
        assertNotEquals(hash, ForebyggJson.inputHash(read(psb("420000", "0.25"))));
        assertNotEquals(hash, ForebyggJson.inputHash(read(psb("420000", "0.5").replace("psb-1", "psb-2"))));
    }

    @Test
    void aHashRecordedByAnEarlierReleaseStillRecognisesItsApplication() throws Exception {
        Case aCase = read(psb("420000.0", "0.5"));
        // Before contract version 2 the hash was taken over the JSON as the mapper wrote it.
        String legacy = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ForebyggJson.newMapper().writeValueAsBytes(aCase)));
        assertNotEquals(legacy, ForebyggJson.inputHash(aCase));
        assertTrue(ForebyggJson.isInputHashOf(legacy, aCase));
        assertTrue(ForebyggJson.isInputHashOf(ForebyggJson.inputHash(aCase), aCase));
        assertTrue(!ForebyggJson.isInputHashOf(legacy, read(psb("420001", "0.5"))));
    }
}
