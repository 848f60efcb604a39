package se.forebygg.scenario;

/** One expectation a decision did not meet: {@code amount: expected 1027.00, got 1026.00}. */
public record Mismatch(String field, String expected, String actual) {
    @Override
    public String toString() {
        return field + ": expected " + expected + ", got " + actual;
    }
}
