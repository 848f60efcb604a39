package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.forebygg.engine.InvalidCaseException;

class OrganisationNumberTest {
    private static final String PATH = "$.employerId";

    private static OrganisationNumber parse(String text) {
        return OrganisationNumber.parse(text, PATH);
    }

    private static InvalidCaseException failure(String text) {
        return assertThrows(InvalidCaseException.class, () -> parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "556000-0001",
            "5560000001",
            " 556000-0001",
            "556000-0001\n",
            "556000\u20110001",              // non-breaking hyphen
            "556000\u22120001",              // minus sign
            "556000\u20130001",              // en dash
            "556000\u20140001",              // em dash
            "556000\uFE630001",              // small hyphen-minus
            "556000\uFF0D0001",              // full-width hyphen-minus
            "\uFF15\uFF15\uFF16\uFF10\uFF10\uFF10-\uFF10\uFF10\uFF10\uFF11",   // full-width digits
            "\u0665\u0665\u0666\u0660\u0660\u0660-\u0660\u0660\u0660\u0661",   // Arabic-Indic digits
            "556 000 - 0001",
            "556000\u00A00001",              // no-break space
            "\u3000556000-0001\t",           // ideographic space, tab
            "16556000-0001",
            "165560000001",
            "16 556000-0001",
    })
    void everySpellingIsOneNumber(String text) {
        assertEquals("556000-0001", parse(text).canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"202100-5521", "202100-5448", "556016-0680", "556000-0001", "969999-9992"})
    void knownNumbersAreTheirOwnCanonicalForm(String number) {
        assertEquals(number, parse(number).canonical());
        assertEquals(number, parse(number).toString());
    }

    @Test
    void equalNumbersAreEqualValues() {
        assertEquals(parse("556000-0001"), parse("16 5560000001"));
        assertEquals(parse("556000-0001").hashCode(), parse("16 5560000001").hashCode());
        assertNotEquals(parse("556000-0001"), parse("202100-5521"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "556000-0002    | the check digit (the last) should be 1, not 2",
            "556000-0000    | the check digit (the last) should be 1, not 0",
            "556100-0001    | the check digit (the last) should be 0, not 1",
            "16556000-0002  | the check digit (the last) should be 1, not 2",
            "55600-00001    | '-' stands after digit 5 of 10; it belongs before the last four digits",
            "5560000-001    | '-' stands after digit 7 of 10; it belongs before the last four digits",
            "5560000001-    | '-' stands after digit 10 of 10",
            "556000--0001   | two separators ('-' and '-')",
            "556000+0001    | '+' marks a person aged 100 or more; an organisation number takes '-'",
            "556000-001     | 10 digits needed (or 12 with the prefix 16), 9 given",
            "55600000001    | 10 digits needed (or 12 with the prefix 16), 11 given",
            "5560000000001  | 13 given",
            "19556000-0001  | twelve digits begin with 16 for an organisation number, not 19",
            "800101-1231    | the third and fourth digits are 01; a legal person's organisation number has 20 or more",
            "16800101-1231  | (16 is not put before a personal identity number)",
            "E-1            | 'E' is not a digit, '-' or '+'",
            "556000/0001    | '/' is not a digit, '-' or '+'",
            "\"-\"          | no digits",
    })
    void badNumbersSayWhatIsWrong(String text, String problem) {
        InvalidCaseException e = failure(text);
        assertEquals(PATH, e.path());
        assertContains(e.reason(), problem);
        assertContains(e.reason(), "\"" + text + "\": ");
        assertContains(e.reason(), "; expected an organisation number NNNNNN-NNNN (or 16NNNNNN-NNNN)");
    }

    @Test
    void emptyAndMissingAreBadInput() {
        assertContains(failure("").reason(), "\"\": no digits");
        assertContains(failure("   ").reason(), "no digits");
        InvalidCaseException missing = failure(null);
        assertEquals("is required; expected an organisation number NNNNNN-NNNN (or 16NNNNNN-NNNN)", missing.reason());
    }

    @Test
    void everySingleDigitChangeOfAKnownNumberIsRejected() {
        String digits = "5560160680";
        for (int i = 0; i < 10; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(i)) {
                    String changed = digits.substring(0, i) + d + digits.substring(i + 1);
                    failure(changed);
                }
            }
        }
    }

    static void assertContains(String text, String part) {
        if (!text.contains(part)) {
            throw new AssertionError("expected «" + part + "» in «" + text + "»");
        }
    }
}
