package se.forebygg.identity;

/**
 * A Swedish organisation number of a legal person (organisationsnummer): ten digits, the third and
 * fourth 20 or more (so that it is never a birth date), the last a Luhn check digit. Its one
 * spelling is {@code NNNNNN-NNNN}.
 *
 * <p>Accepted: the ten digits with or without a hyphen before the last four, the twelve-digit form
 * with the prefix 16 ({@code 16556000-0001}), whitespace anywhere, any dash for the hyphen, and any
 * Unicode decimal digits (full-width {@code ５５６０００}).
 */
public final class OrganisationNumber implements EmployerId {
    private final String canonical;

    private OrganisationNumber(String canonical) {
        this.canonical = canonical;
    }

    /**
     * The organisation number in {@code text}.
     *
     * @param path the JSON path a problem is reported at
     * @throws se.forebygg.engine.InvalidCaseException when {@code text} is not one
     */
    public static OrganisationNumber parse(String text, String path) {
        return of(Spelling.read(text, path, Forms.ORGANISATION));
    }

    /**
     * The organisation number that begins with the nine digits {@code first} and ends with their check
     * digit, e.g. for test data: {@code withCheckDigit("556000000")} is {@code 556000-0001}.
     */
    public static OrganisationNumber withCheckDigit(String first) {
        if (!first.matches("[0-9]{2}[2-9][0-9]{6}")) {
            throw new IllegalArgumentException("nine digits, the third 2 or more, expected: " + first);
        }
        String ten = first + "0";
        return new OrganisationNumber(first.substring(0, 6) + "-" + first.substring(6) + Luhn.checkDigit(ten));
    }

    static OrganisationNumber of(Spelling spelling) {
        String digits = spelling.digits();
        String ten;
        if (spelling.digitCount() == 12 && digits.startsWith("16")) {
            ten = digits.substring(2);
        } else if (spelling.digitCount() == 12) {
            throw spelling.fail("twelve digits begin with 16 for an organisation number, not "
                    + digits.substring(0, 2));
        } else if (spelling.digitCount() == 10) {
            ten = digits;
        } else {
            throw spelling.fail("10 digits needed (or 12 with the prefix 16), " + spelling.digitCount() + " given");
        }
        spelling.requireSeparatorBeforeLastFour();
        if (spelling.separator() == '+') {
            throw spelling.fail("'+' marks a person aged 100 or more; an organisation number takes '-'");
        }
        Luhn.check(ten, spelling);
        if (ten.charAt(2) < '2') {
            throw spelling.fail("the third and fourth digits are " + ten.substring(2, 4)
                    + "; a legal person's organisation number has 20 or more there"
                    + (digits.length() == 12 ? " (16 is not put before a personal identity number)" : ""));
        }
        return new OrganisationNumber(ten.substring(0, 6) + "-" + ten.substring(6));
    }

    /** {@code NNNNNN-NNNN}. */
    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrganisationNumber o && o.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** {@link #canonical()}. */
    @Override
    public String toString() {
        return canonical;
    }
}
