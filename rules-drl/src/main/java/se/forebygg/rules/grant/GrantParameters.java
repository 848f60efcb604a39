package se.forebygg.rules.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import se.forebygg.parameters.Period;

/**
 * The workplace rehabilitation grant's numbers as they stand over one period in which none of them
 * changes, bound by name from {@code se/forebygg/rules/grant/parameters.yaml} (each component but the
 * period is a key of that file).
 *
 * @param from first day this set holds
 * @param until last day this set holds
 * @param grantCapPerApplication the most one application is granted before the yearly caps (ARS-10)
 * @param grantYearlyCapsInForce the day the yearly caps of ARS-6 and ARS-7 came into force (ARS-10)
 */
public record GrantParameters(
        LocalDate from,
        LocalDate until,
        BigDecimal grantShareOfCost,
        BigDecimal grantCapPerEmployee,
        BigDecimal grantCapPerEmployer,
        MonthDay applicationDeadline,
        LocalDate extendedMeasuresInForce,
        BigDecimal grantCapPerApplication,
        LocalDate grantYearlyCapsInForce) implements Period {

    /** Hashes by the period alone, as {@link se.forebygg.rules.preventive.PreventiveParameters#hashCode()}. */
    @Override
    public int hashCode() {
        return 31 * from.hashCode() + until.hashCode();
    }

    /**
     * The day the law names for an application for measures performed in {@code measureYear} (ARS-8),
     * before any move past a weekend or public holiday (ARS-8a).
     */
    public LocalDate applicationDeadlineFor(int measureYear) {
        return applicationDeadline.atYear(measureYear + 1);
    }
}
