package se.forebygg.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import se.forebygg.engine.InvalidCaseException;

/**
 * One meaning per identifier: every spelling of a valid number gives its one canonical form, and
 * every change of one of the ten digits the check digit covers is rejected (the Luhn digit finds
 * every single-digit error). The century of twelve digits is not covered by the check digit:
 * 19640823-3234 and 18640823-3234 are two people, both valid while someone born in 1864 can be.
 */
class IdentifierPropertiesTest {
    private static final List<Integer> ZEROS = List.of(
            (int) '0', 0xFF10 /* full-width */, 0x0660 /* Arabic-Indic */, 0x06F0 /* Extended Arabic-Indic */,
            0x0966 /* Devanagari */, 0x09E6 /* Bengali */, 0x0E50 /* Thai */, 0x1D7CE /* mathematical bold */);
    private static final List<String> DASHES = List.of("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
            "\u2015", "\u2212", "\uFE63", "\uFF0D");
    private static final List<String> PLUSES = List.of("+", "\uFF0B", "\uFE62");
    private static final List<String> SPACES = List.of(" ", "\u00A0", "\u2009", "\u202F", "\u3000", "\t", "\n");

    /**
     * A valid personal identity or coordination number, with the reference date it is read on. A
     * coordination number's month or day may be unknown (0).
     */
    record Person(LocalDate asOf, int year, int month, int day, boolean coordination, int birthNumber) {
        String ten() {
            String nine = String.format("%02d%02d%02d%03d", year % 100, month, coordination ? day + 60 : day,
                    birthNumber);
            return nine + Luhn.checkDigit(nine + "0");
        }

        String canonical() {
            return String.format("%04d", year) + ten().substring(2, 6) + "-" + ten().substring(6);
        }

        /** The ten-digit separator: {@code +} from the year the person turns 100. */
        char separator() {
            return asOf.getYear() - year >= 100 ? '+' : '-';
        }

        /** The number in one of its plain forms: 0 and 1 with the century, 2 and 3 without. */
        String written(int form) {
            String ten = ten();
            String century = String.format("%02d", year / 100);
            switch (form) {
                case 0:
                    return century + ten.substring(0, 6) + "-" + ten.substring(6);
                case 1:
                    return century + ten;
                case 2:
                    return ten.substring(0, 6) + separator() + ten.substring(6);
                default:
                    return separator() == '-' ? ten : ten.substring(0, 6) + '+' + ten.substring(6);
            }
        }

        LocalDate earliestBirth() {
            return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
        }
    }

    /** How a plain number is written: its form, digits, dash, plus, spaces and where they go. */
    record Respelling(int form, int zero, String dash, String plus, String space, int spacedAfter, boolean surrounded) {
        String of(String plain) {
            StringBuilder b = new StringBuilder(surrounded ? space : "");
            for (int i = 0; i < plain.length(); i++) {
                char c = plain.charAt(i);
                if (c >= '0' && c <= '9') {
                    b.appendCodePoint(zero + (c - '0'));
                } else {
                    b.append(c == '-' ? dash : plus);
                }
                if ((spacedAfter & (1 << i)) != 0) {
                    b.append(space);
                }
            }
            return b.append(surrounded ? space : "").toString();
        }
    }

    @Provide
    Arbitrary<Person> persons() {
        Arbitrary<LocalDate> asOf = Arbitraries.longs()
                .between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(asOf, Arbitraries.integers().between(0, 199), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 31), Arbitraries.of(false, true),
                        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 999))
                .as((on, age, month, day, coordination, unknown, birthNumber) -> {
                    int year = on.getYear() - age;
                    int realMonth = coordination && unknown == 0 ? 0 : month;
                    int realDay = coordination && unknown <= 1 ? 0
                            : Math.min(day, YearMonth.of(year, month).lengthOfMonth());
                    return new Person(on, year, realMonth, realDay, coordination, birthNumber);
                })
                .filter(p -> !p.earliestBirth().isAfter(p.asOf()));
    }

    /** A valid organisation number's ten digits: the third 2 or more, the last the check digit. */
    @Provide
    Arbitrary<String> organisations() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(2, 9), Arbitraries.integers().between(0, 999_999))
                .as((group, second, third, rest) -> {
                    String nine = "" + group + second + third + String.format("%06d", rest);
                    return nine + Luhn.checkDigit(nine + "0");
                });
    }

    @Provide
    Arbitrary<Respelling> respellings() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(ZEROS), Arbitraries.of(DASHES),
                        Arbitraries.of(PLUSES), Arbitraries.of(SPACES), Arbitraries.integers().between(0, 0x1fff),
                        Arbitraries.of(false, true))
                .as(Respelling::new);
    }

    @Property
    void everySpellingOfAPersonIsOneNumber(@ForAll("persons") Person p, @ForAll("respellings") Respelling r) {
        String text = r.of(p.written(r.form()));
        assertEquals(p.canonical(), PersonalIdentityNumber.parse(text, p.asOf(), "$.employeeId").canonical(), text);
        assertEquals(p.canonical(), EmployerId.parse(text, p.asOf(), "$.employerId").canonical(), text);
    }

    @Property
    void everySpellingOfAnOrganisationIsOneNumber(@ForAll("organisations") String ten,
                                                  @ForAll("respellings") Respelling r) {
        String plain = (r.form() >= 2 ? "16" : "") + ten.substring(0, 6) + (r.form() % 2 == 0 ? "-" : "")
                + ten.substring(6);
        String text = r.of(plain);
        String canonical = ten.substring(0, 6) + "-" + ten.substring(6);
        assertEquals(canonical, OrganisationNumber.parse(text, "$.employerId").canonical(), text);
        assertEquals(canonical, EmployerId.parse(text, LocalDate.of(2024, 3, 1), "$.employerId").canonical(), text);
    }

    @Property
    void everyChangeOfOneCheckedDigitOfAPersonIsRejected(@ForAll("persons") Person p,
                                                         @ForAll @IntRange(min = 0, max = 9) int position,
                                                         @ForAll @IntRange(min = 1, max = 9) int by,
                                                         @ForAll @IntRange(min = 0, max = 3) int form) {
        String written = p.written(form);
        int at = (form <= 1 ? 2 : 0) + position + (position >= 6 && written.length() > (form <= 1 ? 12 : 10) ? 1 : 0);
        String changed = written.substring(0, at) + (char) ('0' + (written.charAt(at) - '0' + by) % 10)
                + written.substring(at + 1);
        assertThrows(InvalidCaseException.class, () -> PersonalIdentityNumber.parse(changed, p.asOf(), "$"), changed);
        assertThrows(InvalidCaseException.class, () -> EmployerId.parse(changed, p.asOf(), "$"), changed);
    }

    @Property
    void everyChangeOfOneDigitOfAnOrganisationIsRejected(@ForAll("organisations") String ten,
                                                         @ForAll @IntRange(min = 0, max = 9) int position,
                                                         @ForAll @IntRange(min = 1, max = 9) int by) {
        String changed = ten.substring(0, position) + (char) ('0' + (ten.charAt(position) - '0' + by) % 10)
                + ten.substring(position + 1);
        assertThrows(InvalidCaseException.class, () -> OrganisationNumber.parse(changed, "$"), changed);
        assertThrows(InvalidCaseException.class, () -> EmployerId.parse(changed, LocalDate.of(2024, 3, 1), "$"),
                changed);
        assertThrows(InvalidCaseException.class, () -> EmployerId.parse("16" + changed, LocalDate.of(2024, 3, 1), "$"),
                changed);
    }
}
