package se.forebygg.preventive;

/** The purposes SFB 27:6 accepts (PSB-2). */
public enum Purpose {
    PREVENT_ILLNESS,
    SHORTEN_ILLNESS,
    PREVENT_REDUCED_WORK_CAPACITY
}
