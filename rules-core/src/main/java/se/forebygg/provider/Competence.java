package se.forebygg.provider;

/**
 * Competences a rehabilitation provider can have attached. Physician and nurse are each required
 * (PRV-1, PRV-2); the others count towards PRV-3's minimum.
 */
public enum Competence {
    PHYSICIAN(false),
    NURSE(false),
    WORK_ORGANISATION(true),
    HEALTH_SCIENCE(true),
    BEHAVIOURAL_SCIENCE(true),
    PHYSIOTHERAPY(true),
    TECHNOLOGY(true);

    private final boolean countsTowardsMinimum;

    Competence(boolean countsTowardsMinimum) {
        this.countsTowardsMinimum = countsTowardsMinimum;
    }

    /** True for the five competences of which PRV-3 asks for a minimum number. */
    public boolean countsTowardsMinimum() {
        return countsTowardsMinimum;
    }
}
