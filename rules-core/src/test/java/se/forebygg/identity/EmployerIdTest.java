package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.forebygg.identity.OrganisationNumberTest.assertContains;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.forebygg.engine.InvalidCaseException;

class EmployerIdTest {
    private static final String PATH = "$.employerId";
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    private static EmployerId parse(String text) {
        return EmployerId.parse(text, AS_OF, PATH);
    }

    private static String reason(String text) {
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> parse(text), text);
        assertEquals(PATH, e.path());
        assertContains(e.reason(), "; expected an organisation number NNNNNN-NNNN (or 16NNNNNN-NNNN), or a sole"
                + " trader's personal identity number YYYYMMDD-NNNN (or YYMMDD-NNNN, YYMMDD+NNNN)");
        return e.reason();
    }

    @Test
    void theSixEmployersOfTheAttackAreOne() {
        List<String> spellings = List.of("556000-0001", "5560000001", " 556000-0001", "556000\u20110001",
                "\uFF15\uFF15\uFF16\uFF10\uFF10\uFF10-\uFF10\uFF10\uFF10\uFF11", "16556000-0001");
        Set<String> keys = spellings.stream().map(s -> parse(s).canonical()).collect(Collectors.toSet());
        assertEquals(Set.of("556000-0001"), keys);
    }

    @Test
    void theThreeEmployeesOfTheAttackAreNoneAndSaySo() {
        for (String id : List.of("E-1", "e-1", "E-01")) {
            InvalidCaseException e = assertThrows(InvalidCaseException.class,
                    () -> PersonalIdentityNumber.parse(id, AS_OF, "$.employeeId"));
            assertEquals("$.employeeId", e.path());
            assertContains(e.reason(), "\"" + id + "\": '" + id.charAt(0) + "' is not a digit, '-' or '+'");
        }
    }

    @Test
    void aLegalPersonIsAnOrganisationNumber() {
        EmployerId id = parse("202100-5521");
        assertInstanceOf(OrganisationNumber.class, id);
        assertEquals(OrganisationNumber.parse("202100-5521", PATH), id);
        assertEquals("202100-5521", id.canonical());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "640823-3234    | 19640823-3234",
            "6408233234     | 19640823-3234",
            "196408233234   | 19640823-3234",
            "19640823-3234  | 19640823-3234",
            "121212+1212    | 19121212-1212",
            "121212-1212    | 20121212-1212",
            "701063-2391    | 19701063-2391",   // a coordination number
    })
    void aSoleTraderIsTheOwnersPersonalIdentityNumber(String text, String canonical) {
        EmployerId id = parse(text);
        assertInstanceOf(PersonalIdentityNumber.class, id);
        assertEquals(canonical, id.canonical());
        assertEquals(PersonalIdentityNumber.parse(text, AS_OF, "$.employeeId"), id);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "16640823-3234  | the third and fourth digits are 08; a legal person's organisation number has 20 or more"
                    + " there (16 is not put before a personal identity number)",
            "20640823-3234  | born 2064-08-23, after the reference date 2024-03-01",
            "17556000-0001  | twelve digits begin with 16 for an organisation number, not 17",
            "20556000-0001  | twelve digits begin with 16 for an organisation number, not 20",
            "556000-0002    | the check digit (the last) should be 1, not 2",
            "556000+0001    | '+' marks a person aged 100 or more; an organisation number takes '-'",
            "641323-3234    | the check digit (the last) should be 7, not 4",
            "641323-3237    | month 13 does not exist",
            "5560000        | 10 or 12 digits needed, 7 given",
            "\"\"           | no digits",
    })
    void badEmployersSayWhatIsWrong(String text, String problem) {
        assertContains(reason(text), "\"" + text + "\": " + problem);
    }
}
