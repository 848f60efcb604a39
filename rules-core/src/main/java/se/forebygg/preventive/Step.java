package se.forebygg.preventive;

/** The two steps of a preventive-sickness-benefit case (RiR 2021:19 ch. 2.1). */
public enum Step {
    /** Is the treatment plan approvable? */
    PLAN_APPROVAL,
    /** How much for the days the insured could not work because of the treatment? */
    COMPENSATION
}
