package se.forebygg.preventive;

/** How a claimed day's amount is calculated (SFB 28:2). */
public enum CalculationMethod {
    /** Arbetstidsberäknad: the hourly amount × the day's ordinary working hours (SFB 28:12–16). */
    WORKING_TIME,
    /** Kalenderdagsberäknad: SGI × share × rate / 365 (SFB 28:10). */
    CALENDAR_DAY
}
