package se.forebygg.identity;

/**
 * The check digit of Swedish personal identity, coordination and organisation numbers: Luhn
 * (modulus 10, weights 2 and 1 from the left) over the nine digits before it.
 */
final class Luhn {
    private Luhn() {
    }

    /** The check digit the ten ASCII digits {@code ten} should end with. */
    static char checkDigit(String ten) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (ten.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Fails {@code spelling} unless its ten digits {@code ten} end with their check digit. */
    static void check(String ten, Spelling spelling) {
        char expected = checkDigit(ten);
        if (ten.charAt(9) != expected) {
            throw spelling.fail("the check digit (the last) should be " + expected + ", not " + ten.charAt(9));
        }
    }
}
