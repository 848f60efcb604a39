package se.forebygg.internal;

import se.forebygg.internal.checks.Require;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import se.forebygg.engine.InvalidCaseException;

/** A caseId as the contract has it: 1–128 characters, no control, format or unpaired surrogate character. */
class CaseIdTest {

    private static String reason(String caseId) {
        return assertThrows(InvalidCaseException.class, () -> Require.caseId(caseId)).reason();
    }

    @Test
    void upTo128CharactersCountedAsCharactersNotCodeUnits() {
        assertEquals("x".repeat(128), Require.caseId("x".repeat(128)));
        assertEquals("has 129 characters; at most 128 are allowed", reason("x".repeat(129)));
        String emoji = "\uD83D\uDE00"; // one character, two code units
        assertEquals(emoji.repeat(128), Require.caseId(emoji.repeat(128)));
    }

    @Test
    void controlFormatAndUnpairedSurrogateCharactersAreNamedWithTheirPosition() {
        assertEquals("holds the character U+0000 at position 4: control, format and unpaired surrogate characters"
                + " are not allowed", reason("ars\u0000"));
        assertEquals("holds the character U+200B at position 2: control, format and unpaired surrogate characters"
                + " are not allowed", reason("a\u200Bb"));
        assertEquals("holds the character U+D83D at position 2: control, format and unpaired surrogate characters"
                + " are not allowed", reason("\uD83D\uDE00\uD83Dx"));
        assertEquals("must not be empty", reason(" \t"));
    }
}
