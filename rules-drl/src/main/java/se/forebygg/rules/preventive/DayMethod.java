package se.forebygg.rules.preventive;

import se.forebygg.preventive.CalculationMethod;

import java.time.LocalDate;

/** Rule fact (PSB-11a, PSB-11b): how one claimed day is paid, and which day of its sjukperiod it is. */
public record DayMethod(String caseId, LocalDate date, CalculationMethod method, int dayOfSickPeriod) {
}
