package se.forebygg.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who the employer is, with one spelling per employer so that a cap cannot be split by writing the
 * number differently: a legal person's {@link OrganisationNumber} ({@code NNNNNN-NNNN}), or for a
 * sole trader (enskild näringsidkare), whose organisation number is the owner's, a
 * {@link PersonalIdentityNumber} ({@code YYYYMMDD-NNNN}).
 *
 * <pre>{@code
 * EmployerId.parse("５５６０００‑０００１", asOf, "$.employerId").canonical();   // "556000-0001"
 * EmployerId.parse("16 556000 0001", asOf, "$.employerId").canonical();       // "556000-0001"
 * EmployerId.parse("121212-1212", asOf, "$.employerId").canonical();          // "20121212-1212"
 * }</pre>
 */
public sealed interface EmployerId permits OrganisationNumber, PersonalIdentityNumber {

    /**
     * The employer in {@code text}: ten digits whose third and fourth are 20 or more (no month), or
     * twelve with the prefix 16, are an organisation number; other ten or twelve digits a personal
     * identity or coordination number, whose century {@code asOf} decides as in
     * {@link PersonalIdentityNumber#parse}.
     *
     * @param path the JSON path a problem is reported at, e.g. {@code $.employerId}
     * @throws se.forebygg.engine.InvalidCaseException when {@code text} is neither
     */
    static EmployerId parse(String text, LocalDate asOf, String path) {
        Objects.requireNonNull(asOf, "asOf");
        Spelling spelling = Spelling.read(text, path, Forms.EMPLOYER);
        String digits = spelling.digits();
        boolean organisation = spelling.digitCount() == 12 ? digits.startsWith("16") || digits.charAt(4) >= '2'
                : spelling.digitCount() == 10 && digits.charAt(2) >= '2';
        return organisation ? OrganisationNumber.of(spelling) : PersonalIdentityNumber.of(spelling, asOf);
    }

    /**
     * The one spelling of this employer: {@code NNNNNN-NNNN} for an organisation number,
     * {@code YYYYMMDD-NNNN} for a personal identity number. Cap keys, the ledger and the audit log
     * use it.
     */
    String canonical();
}
