package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Numbers made for test data carry the check digit that parsing demands. */
class WithCheckDigitTest {
    static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    @Test
    void anOrganisationNumberGetsItsCheckDigitAndParsesBack() {
        assertEquals("556000-0001", OrganisationNumber.withCheckDigit("556000000").canonical());
        for (int n = 0; n < 2_000; n++) {
            String made = OrganisationNumber.withCheckDigit(String.format("556%06d", n * 397)).canonical();
            assertEquals(made, OrganisationNumber.parse(made, "$").canonical());
        }
        assertThrows(IllegalArgumentException.class, () -> OrganisationNumber.withCheckDigit("550101001"));
        assertThrows(IllegalArgumentException.class, () -> OrganisationNumber.withCheckDigit("55600000"));
    }

    @Test
    void aPersonalIdentityNumberGetsItsCheckDigitAndParsesBack() {
        assertEquals("19850101-0014", PersonalIdentityNumber.withCheckDigit(LocalDate.of(1985, 1, 1), 1).canonical());
        for (int n = 0; n < 2_000; n++) {
            String made = PersonalIdentityNumber.withCheckDigit(LocalDate.of(1930, 1, 1).plusDays(n * 13L), 1 + n % 999)
                    .canonical();
            assertEquals(made, PersonalIdentityNumber.parse(made, TODAY, "$").canonical());
        }
        assertThrows(IllegalArgumentException.class, () -> PersonalIdentityNumber.withCheckDigit(LocalDate.of(1985, 1, 1), 0));
    }
}
