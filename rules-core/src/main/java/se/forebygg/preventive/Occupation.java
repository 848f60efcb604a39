package se.forebygg.preventive;

/** The insured's occupation. Unemployed people are covered too (HFD 2019 ref. 41). */
public enum Occupation {
    EMPLOYED,
    SELF_EMPLOYED,
    UNEMPLOYED
}
