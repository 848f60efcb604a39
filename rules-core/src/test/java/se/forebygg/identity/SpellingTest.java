package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.forebygg.identity.OrganisationNumberTest.assertContains;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.forebygg.engine.InvalidCaseException;

class SpellingTest {

    private static String reason(String text) {
        return assertThrows(InvalidCaseException.class, () -> OrganisationNumber.parse(text, "$.employerId"))
                .reason();
    }

    @Test
    void aLongTextIsCutAtFortyCharactersAndItsLengthTold() {
        String text = "556000-0001 ".repeat(1000);
        assertEquals("\"556000-0001 556000-0001 556000-0001 5560…\" (12000 characters)", Spelling.quote(text));
    }

    @Test
    void manyDigitsAreCountedNotKept() {
        assertContains(reason("5".repeat(1_000_000)), "(1000000 characters): 10 digits needed (or 12 with the"
                + " prefix 16), 1000000 given");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`556000\u200B-0001`   | `\"556000\\u200B-0001\": '\\u200B' (U+200B) is not a digit, '-' or '+'`",
            "`556000\u00AD-0001`   | `\"556000\\u00AD-0001\": '\\u00AD' (U+00AD) is not a digit, '-' or '+'`",
            "`556000\n0001x`       | `\"556000\\n0001x\": 'x' is not a digit, '-' or '+'`",
            "`556000\u00A00001x`   | `\"556000\\u00A00001x\": 'x' is not a digit, '-' or '+'`",
            "`\"556000-0001\"`     | `\"\\\"556000-0001\\\"\": '\\\"' is not a digit, '-' or '+'`",
            "`556000\\0001`        | `\"556000\\\\0001\": '\\\\' is not a digit, '-' or '+'`",
            "`556000\uD800-0001`   | `\"556000\\uD800-0001\": '\\uD800' (U+D800) is not a digit, '-' or '+'`",
            "`556000-0001\uD83D\uDE00` | `\"556000-0001\uD83D\uDE00\": '\uD83D\uDE00' (U+1F600) is not a digit, '-' or '+'`",
            "`556000-0001\uDB80\uDC00` | `\"556000-0001\\u{F0000}\": '\\u{F0000}' (U+F0000) is not a digit, '-' or '+'`",
            "`556000-000\u00B9`    | `\"556000-000¹\": '¹' (U+00B9) is not a digit, '-' or '+'`",
            "`556000-000\u2460`    | `\"556000-000①\": '①' (U+2460) is not a digit, '-' or '+'`",
    })
    void invisibleAndControlCharactersAreShownEscaped(String text, String message) {
        assertContains(reason(text), message);
    }

    @Test
    void aNullCharacterIsShownEscaped() {
        // not in the table above: the CSV reader drops it
        assertContains(reason("556000-0001\u0000"), "\"556000-0001\\u0000\": '\\u0000' (U+0000) is not a digit");
    }

    @Test
    void controlCharactersOtherThanWhiteSpaceAreRejected() {
        assertContains(reason("556000\u001F0001"), "'\\u001F' (U+001F) is not a digit");
        assertEquals("556000-0001", OrganisationNumber.parse("\r\n\t556000\u000B\f0001\u2028", "$").canonical());
    }

    @Test
    void plusSignsOfEveryWidthAreOne() {
        for (String plus : new String[] {"+", "\uFF0B", "\uFE62"}) {
            assertContains(reason("556000" + plus + "0001"), "'+' marks a person aged 100 or more");
        }
    }
}
