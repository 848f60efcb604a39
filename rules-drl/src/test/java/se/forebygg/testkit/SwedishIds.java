package se.forebygg.testkit;

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
        String nine = String.format("556%06d", n);
        return nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
    }

    /**
     * The {@code n}-th personal identity number (n ≥ 0): born on a day of 1960–1999 chosen by {@code n},
     * canonical form {@code YYYYMMDD-NNNC}.
     */
    public static String employee(int n) {
        if (n < 0 || n >= 1_000_000) {
            throw new IllegalArgumentException("n must lie in 0–999999: " + n);
        }
        java.time.LocalDate born = java.time.LocalDate.of(1960, 1, 1).plusDays(n % 14_600);
        String serial = String.format("%03d", n / 14_600 + 100);
        String nine = String.format("%02d%02d%02d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth()) + serial;
        return born.getYear() + nine.substring(2, 6) + "-" + serial + luhn(nine);
    }

    /** The Luhn check digit of nine digits, as Skatteverket and Bolagsverket compute it. */
    public static int luhn(String nine) {
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
