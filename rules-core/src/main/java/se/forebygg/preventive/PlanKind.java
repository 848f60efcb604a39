package se.forebygg.preventive;

/** What the planned measure is (PSB-1: only medical treatment or rehabilitation qualifies). */
public enum PlanKind {
    MEDICAL_TREATMENT,
    MEDICAL_REHABILITATION,
    WELLNESS,
    OTHER
}
