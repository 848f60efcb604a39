package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import se.forebygg.rules.preventive.PreventiveParameters;

/** Rule fact (PSB-11a): an employee's hourly amount in one parameter period, from SGI and annual working hours. */
public record HourlyRate(String caseId, PreventiveParameters period, BigDecimal sgi, int annualWorkingHours, BigDecimal rate) {
}
