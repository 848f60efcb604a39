package se.forebygg.grant;

/**
 * What a measure of the provider was (ARS-2, ARS-3): the five kinds of workplace-oriented support,
 * and treatment, which is never covered.
 */
public enum MeasureKind {
    INVESTIGATE,
    PLAN,
    INITIATE,
    IMPLEMENT,
    FOLLOW_UP,
    TREATMENT
}
