package se.forebygg.identity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A Swedish personal identity number (personnummer, folkbokföringslagen 18 §) or coordination
 * number (samordningsnummer, 18 a §: the day of birth plus 60). Its one spelling is
 * {@code YYYYMMDD-NNNN}; a coordination number keeps its day plus 60.
 *
 * <p>Accepted: twelve digits {@code YYYYMMDDNNNN}, or ten {@code YYMMDDNNNN}, with or without a
 * separator before the last four; whitespace anywhere, any dash for the hyphen, any Unicode decimal
 * digits. Ten digits take their century from the separator (18 § third paragraph): {@code -} (or
 * none) for someone who turns at most 99 in the year of the reference date, {@code +} from the
 * year they turn 100. The check digit, the date and a birth on or before the reference date are
 * checked. A coordination number whose month or day of birth is unknown has month 00 or day 60.
 */
public final class PersonalIdentityNumber implements EmployerId {
    /** Coordination numbers add this to the day of birth. */
    private static final int COORDINATION_DAY = 60;
    /** Ten digits reach back this many years, with {@code +}: the oldest year that can be written. */
    private static final int OLDEST = 199;

    private final String canonical;

    private PersonalIdentityNumber(String canonical) {
        this.canonical = canonical;
    }

    /**
     * The personal identity or coordination number in {@code text}.
     *
     * @param asOf the reference date: the birth may not be after it, and for ten digits it decides
     *             the century
     * @param path the JSON path a problem is reported at, e.g. {@code $.employeeId}
     * @throws se.forebygg.engine.InvalidCaseException when {@code text} is not one
     */
    public static PersonalIdentityNumber parse(String text, LocalDate asOf, String path) {
        Objects.requireNonNull(asOf, "asOf");
        return of(Spelling.read(text, path, Forms.PERSON), asOf);
    }

    /**
     * The personal identity number of someone born on {@code born} with the birth number {@code serial}
     * (001–999) and its check digit, e.g. for test data: {@code withCheckDigit(1985-01-01, 1)} is
     * {@code 19850101-0014}.
     */
    public static PersonalIdentityNumber withCheckDigit(LocalDate born, int serial) {
        if (serial < 1 || serial > 999) {
            throw new IllegalArgumentException("a birth number lies in 001-999: " + serial);
        }
        String ten = String.format("%02d%02d%02d%03d0", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(),
                serial);
        return new PersonalIdentityNumber(born.getYear() + ten.substring(2, 6) + "-" + ten.substring(6, 9)
                + Luhn.checkDigit(ten));
    }

    static PersonalIdentityNumber of(Spelling spelling, LocalDate asOf) {
        String digits = spelling.digits();
        int year;
        String ten;
        if (spelling.digitCount() == 12) {
            year = Integer.parseInt(digits.substring(0, 4));
            ten = digits.substring(2);
        } else if (spelling.digitCount() == 10) {
            ten = digits;
            int latest = asOf.getYear() - Math.floorMod(asOf.getYear() - Integer.parseInt(digits.substring(0, 2)), 100);
            year = spelling.separator() == '+' ? latest - 100 : latest;
        } else {
            throw spelling.fail("10 or 12 digits needed, " + spelling.digitCount() + " given");
        }
        spelling.requireSeparatorBeforeLastFour();
        Luhn.check(ten, spelling);
        if (ten.startsWith("000", 6)) {
            throw spelling.fail("the birth number (digits 7–9 of the ten) is 000; numbers 001–999 are issued");
        }
        LocalDate earliest = earliestBirth(year, ten, spelling);
        checkAge(year, earliest, ten, spelling, asOf);
        return new PersonalIdentityNumber(String.format("%04d", year) + ten.substring(2, 6) + "-" + ten.substring(6));
    }

    /**
     * The earliest day the digits' date of birth can be (the first of the month or year when a
     * coordination number does not know it), failing when they are no date.
     */
    private static LocalDate earliestBirth(int year, String ten, Spelling spelling) {
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = Integer.parseInt(ten.substring(4, 6));
        String written = String.format("%04d-%s-%s", year, ten.substring(2, 4), ten.substring(4, 6));
        if (month > 12) {
            throw spelling.fail("month " + ten.substring(2, 4) + " does not exist");
        }
        if (day < COORDINATION_DAY) {
            if (month == 0) {
                throw spelling.fail("month 00 does not exist (an unknown month is written 00 in coordination"
                        + " numbers only, whose day is 60 or more)");
            }
            if (day == 0 || day > YearMonth.of(year, month).lengthOfMonth()) {
                throw spelling.fail(written + " is not a date"
                        + (day > 31 ? " (a coordination number's day is 61–91: the day of birth plus 60)" : ""));
            }
            return LocalDate.of(year, month, day);
        }
        int birthDay = day - COORDINATION_DAY;
        int daysInMonth = month == 0 ? 31 : YearMonth.of(year, month).lengthOfMonth();
        if (birthDay > daysInMonth) {
            throw spelling.fail("coordination day " + ten.substring(4, 6) + " is day " + birthDay + " of birth, and "
                    + String.format("%04d-%s-%02d", year, ten.substring(2, 4), birthDay) + " is not a date");
        }
        return LocalDate.of(year, Math.max(month, 1), Math.max(birthDay, 1));
    }

    private static void checkAge(int year, LocalDate earliest, String ten, Spelling spelling, LocalDate asOf) {
        int turns = asOf.getYear() - year;
        boolean tenDigits = spelling.digitCount() == 10;
        if (earliest.isAfter(asOf)) {
            String born = ten.startsWith("00", 2) ? "born in " + year
                    : ten.startsWith("60", 4) ? "born in " + YearMonth.from(earliest) : "born " + earliest;
            if (tenDigits && spelling.separator() != '+') {
                throw spelling.fail("without '+' the person is under 100 in " + asOf.getYear() + ", so " + born
                        + ", after the reference date " + asOf + "; someone born in " + (year - 100) + " is written "
                        + ten.substring(0, 6) + "+" + ten.substring(6));
            }
            throw spelling.fail(born + ", after the reference date " + asOf);
        }
        if (turns > OLDEST) {
            throw spelling.fail("born in " + year + ", more than " + OLDEST + " years before the reference year "
                    + asOf.getYear());
        }
        if (!tenDigits && spelling.separator() == '+' && turns < 100) {
            throw spelling.fail("'+' marks someone who turns 100 or more in the reference year " + asOf.getYear()
                    + ", not someone born in " + year + "; write " + String.format("%04d", year) + ten.substring(2, 6)
                    + "-" + ten.substring(6));
        }
    }

    /** Whether this is a coordination number (day of birth plus 60). */
    public boolean isCoordinationNumber() {
        return canonical.charAt(6) >= '6';
    }

    /** {@code YYYYMMDD-NNNN}. */
    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber p && p.canonical.equals(canonical);
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
