package se.forebygg.testkit;

import java.time.LocalDate;
import se.forebygg.identity.OrganisationNumber;
import se.forebygg.identity.PersonalIdentityNumber;

/**
 * Valid Swedish identifiers for test data, numbered so that a test can ask for as many distinct ones
 * as it needs: organisation numbers (employers) and personal identity numbers (employees), each with
 * its Luhn check digit, in their canonical form.
 */
public final class SwedishIds {
    private SwedishIds() {
    }

    /** The {@code n}-th organisation number (n ≥ 0): {@code 556NNN-NNNC}, canonical form. */
    public static String employer(int n) {
        if (n < 0 || n >= 1_000_000) {
            throw new IllegalArgumentException("n must lie in 0–999999: " + n);
        }
        return OrganisationNumber.withCheckDigit(String.format("556%06d", n)).canonical();
    }

    /**
     * The {@code n}-th personal identity number (n ≥ 0): born on a day of 1960–1999 chosen by {@code n},
     * canonical form {@code YYYYMMDD-NNNC}.
     */
    public static String employee(int n) {
        if (n < 0 || n >= 1_000_000) {
            throw new IllegalArgumentException("n must lie in 0–999999: " + n);
        }
        return PersonalIdentityNumber.withCheckDigit(LocalDate.of(1960, 1, 1).plusDays(n % 14_600), n / 14_600 + 100)
                .canonical();
    }
}
