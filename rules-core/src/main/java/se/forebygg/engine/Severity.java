package se.forebygg.engine;

/** How a finding shapes the outcome, strongest first. */
public enum Severity {
    /** The case is refused. */
    REJECTION,
    /** The case is granted, but less than asked for. */
    REDUCTION,
    /** Does not change this decision, but foretells a later one. */
    WARNING,
    /** A figure worth knowing, e.g. a ceiling that applied. */
    INFO
}
