package se.forebygg.engine;

/** What a decision comes to. */
public enum Outcome {
    APPROVED,
    PARTIALLY_APPROVED,
    REJECTED
}
