package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.forebygg.identity.OrganisationNumberTest.assertContains;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.forebygg.engine.InvalidCaseException;

class PersonalIdentityNumberTest {
    private static final String PATH = "$.employeeId";
    /** A leap year, after its 29 February. */
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    private static String parse(String text, LocalDate asOf) {
        return PersonalIdentityNumber.parse(text, asOf, PATH).canonical();
    }

    private static String parse(String text) {
        return parse(text, AS_OF);
    }

    private static InvalidCaseException failure(String text, LocalDate asOf) {
        return assertThrows(InvalidCaseException.class, () -> parse(text, asOf), text);
    }

    private static String reason(String text) {
        InvalidCaseException e = failure(text, AS_OF);
        assertEquals(PATH, e.path());
        assertContains(e.reason(), "; expected a personal identity or coordination number YYYYMMDD-NNNN"
                + " (or YYMMDD-NNNN, YYMMDD+NNNN)");
        return e.reason();
    }

    /**
     * {@code number} with a question mark for its check digit, completed with the right one, so that
     * a case about dates and centuries is not also about the check digit.
     */
    private static String checked(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        String ten = digits.substring(digits.length() - 9);
        return number.replace('?', Luhn.checkDigit(ten + "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "640823-3234",
            "6408233234",
            "196408233234",
            "19640823-3234",
            " 640823\u20113234 ",
            "\uFF16\uFF14\uFF10\uFF18\uFF12\uFF13\uFF0D\uFF13\uFF12\uFF13\uFF14",
            "19 64 08 23 - 3234",
            "1964 0823\u22123234",
            "\u0967\u096F\u096C\u096A\u0966\u096E\u0968\u0969\u0969\u0968\u0969\u096A",   // Devanagari
    })
    void everySpellingIsOneNumber(String text) {
        assertEquals("19640823-3234", parse(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "811228-9874    | 19811228-9874",
            "121212-1212    | 20121212-1212",
            "121212+1212    | 19121212-1212",
            "19121212-1212  | 19121212-1212",
            "701063-2391    | 19701063-2391",
            "197010632391   | 19701063-2391",
    })
    void knownNumbers(String text, String canonical) {
        assertEquals(canonical, parse(text));
    }

    @Test
    void aCoordinationNumberKeepsItsDayPlusSixty() {
        PersonalIdentityNumber n = PersonalIdentityNumber.parse("701063-2391", AS_OF, PATH);
        assertTrue(n.isCoordinationNumber());
        assertEquals("19701063-2391", n.toString());
        assertFalse(PersonalIdentityNumber.parse("640823-3234", AS_OF, PATH).isCoordinationNumber());
    }

    @Test
    void equalNumbersAreEqualValues() {
        assertEquals(PersonalIdentityNumber.parse("640823-3234", AS_OF, PATH),
                PersonalIdentityNumber.parse("196408233234", AS_OF, PATH));
    }

    // The century of ten digits (folkbokföringslagen 18 §): '-' until the year someone turns 100,
    // '+' from that year on; the year counts, not the birthday.

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "241231+123?  | 2024-03-01 | 19241231-123?",    // turns 100 in 2024, birthday still to come
            "241231+123?  | 2024-01-01 | 19241231-123?",
            "250101-123?  | 2024-03-01 | 19250101-123?",    // turns 99 in 2024
            "250101-123?  | 2024-12-31 | 19250101-123?",
            "2501011 23?  | 2024-12-31 | 19250101-123?",    // no separator reads as '-'
            "250101+123?  | 2024-03-01 | 18250101-123?",    // turns 199: the oldest ten digits can say
            "240301-123?  | 2024-03-01 | 20240301-123?",    // born on the reference date
            "241231-123?  | 2024-12-31 | 20241231-123?",
            "991231-123?  | 2024-03-01 | 19991231-123?",
            "000101-123?  | 2024-03-01 | 20000101-123?",
            "240301+123?  | 2024-03-01 | 19240301-123?",
            "19241231+123? | 2024-03-01 | 19241231-123?",   // twelve digits may carry a '+' that fits
            "18250101-123? | 2024-03-01 | 18250101-123?",
    })
    void tenDigitsTakeTheirCenturyFromTheSeparatorAndTheReferenceYear(String text, LocalDate asOf, String canonical) {
        assertEquals(checked(canonical), parse(checked(text), asOf));
    }

    @Test
    void aMinusForSomeoneNotYetBornTellsThePlusForm() {
        String text = checked("241231-123?");
        String reason = reason(text);
        assertContains(reason, "without '+' the person is under 100 in 2024, so born 2024-12-31, after the"
                + " reference date 2024-03-01; someone born in 1924 is written " + text.replace('-', '+'));
        assertContains(reason(checked("240302-123?")), "born 2024-03-02, after the reference date 2024-03-01");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "20240302-123?  | born 2024-03-02, after the reference date 2024-03-01",
            "20250101-123?  | born 2025-01-01, after the reference date 2024-03-01",
            "18241231-123?  | born in 1824, more than 199 years before the reference year 2024",
            "19250101+123?  | '+' marks someone who turns 100 or more in the reference year 2024, not someone born"
                    + " in 1925; write 19250101-123",
            "20250060-123?  | born in 2025, after the reference date 2024-03-01",  // coordination, month unknown
            "20240460-123?  | born in 2024-04, after the reference date 2024-03-01",  // day unknown
    })
    void birthsAfterTheReferenceDateOrTooLongBeforeAreRejected(String text, String problem) {
        assertContains(reason(checked(text)), problem);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "000229-123?    | 20000229-123?",   // 2000 is a leap year
            "20040229-123?  | 20040229-123?",
            "240229-123?    | 20240229-123?",
            "000289-123?    | 20000289-123?",   // coordination number: 29 + 60
    })
    void aLeapDayExistsInLeapYears(String text, String canonical) {
        assertEquals(checked(canonical), parse(checked(text)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "000229+123?    | 1900-02-29 is not a date",   // 1900 is not a leap year
            "19000229-123?  | 1900-02-29 is not a date",
            "20230229-123?  | 2023-02-29 is not a date",
            "20230289-123?  | coordination day 89 is day 29 of birth, and 2023-02-29 is not a date",
    })
    void aLeapDayDoesNotExistInOtherYears(String text, String problem) {
        assertContains(reason(checked(text)), problem);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "19850230-123?  | 1985-02-30 is not a date",
            "19850431-123?  | 1985-04-31 is not a date",
            "19850100-123?  | 1985-01-00 is not a date",
            "19850132-123?  | 1985-01-32 is not a date (a coordination number's day is 61–91: the day of birth plus 60)",
            "19850159-123?  | 1985-01-59 is not a date",
            "19851301-123?  | month 13 does not exist",
            "19859961-123?  | month 99 does not exist",
            "19850015-123?  | month 00 does not exist (an unknown month is written 00 in coordination numbers only",
            "19850192-123?  | coordination day 92 is day 32 of birth, and 1985-01-32 is not a date",
            "19850491-123?  | coordination day 91 is day 31 of birth, and 1985-04-31 is not a date",
            "19850099-123?  | coordination day 99 is day 39 of birth, and 1985-00-39 is not a date",
            "19850101-000?  | the birth number (digits 7–9 of the ten) is 000; numbers 001–999 are issued",
    })
    void digitsThatAreNoBirthAreRejected(String text, String problem) {
        assertContains(reason(checked(text)), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19850060-123?", "19850072-123?", "19850460-123?", "19850490-123?", "19850161-123?",
            "19851291-123?"})
    void coordinationNumbersMayNotKnowTheMonthOrDay(String text) {
        assertEquals(checked(text), parse(checked(text)));
        assertTrue(PersonalIdentityNumber.parse(checked(text), AS_OF, PATH).isCoordinationNumber());
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "640823-3235        | the check digit (the last) should be 4, not 5",
            "640823-3233        | the check digit (the last) should be 4, not 3",
            "19640823-3235      | the check digit (the last) should be 4, not 5",
            "19640823323        | 10 or 12 digits needed, 11 given",
            "640823-323         | 10 or 12 digits needed, 9 given",
            "1640823-3234       | 10 or 12 digits needed, 11 given",
            "E-1                | 'E' is not a digit, '-' or '+'",
            "e-1                | 'e' is not a digit, '-' or '+'",
            "E-01               | 'E' is not a digit, '-' or '+'",
            "640823+-3234       | two separators ('+' and '-')",
            "6408-233234        | '-' stands after digit 4 of 10; it belongs before the last four digits",
            "19640823 3234-     | '-' stands after digit 12 of 12",
    })
    void badNumbersSayWhatIsWrong(String text, String problem) {
        String reason = reason(text);
        assertContains(reason, "\"" + text + "\": " + problem);
    }

    @Test
    void theReferenceDateIsRequired() {
        assertThrows(NullPointerException.class, () -> PersonalIdentityNumber.parse("640823-3234", null, PATH));
    }

    @Test
    void everySingleDigitChangeOfTheTenCheckedDigitsIsRejected() {
        String twelve = "196408233234";
        for (int i = 2; i < 12; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != twelve.charAt(i)) {
                    String changed = twelve.substring(0, i) + d + twelve.substring(i + 1);
                    assertContains(failure(changed, AS_OF).reason(), "the check digit (the last) should be");
                    failure(changed.substring(2), AS_OF);
                }
            }
        }
    }
}
