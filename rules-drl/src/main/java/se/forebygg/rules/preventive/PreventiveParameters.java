package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.parameters.Period;

/**
 * The preventive sickness benefit's numbers as they stand over one period in which none of them changes,
 * bound by name from {@code se/forebygg/rules/preventive/parameters.yaml} (each component but the period
 * is a key of that file). Rules read these values; they never hold a law number themselves. The derived
 * amounts below are the one place where a parameter is combined with another.
 *
 * @param from first day this set holds
 * @param until last day this set holds
 */
public record PreventiveParameters(
        LocalDate from,
        LocalDate until,
        BigDecimal priceBaseAmount,
        BigDecimal sgiCeilingFactor,
        BigDecimal sgiFloorShare,
        BigDecimal sgiRoundingUnit,
        BigDecimal sicknessBenefitShare,
        BigDecimal sicknessBenefitRate,
        int daysPerYear,
        List<BigDecimal> benefitLevels,
        int workingTimeDaysPerSickPeriod,
        BigDecimal hourlyRateRoundingUnit,
        BigDecimal workingHoursRoundingUnit,
        BigDecimal minimumRiskReduction,
        int minimumPlanSessions) implements Period {

    public PreventiveParameters {
        benefitLevels = List.copyOf(benefitLevels);
        for (int i = 1; i < benefitLevels.size(); i++) {
            if (benefitLevels.get(i).compareTo(benefitLevels.get(i - 1)) >= 0) {
                throw new IllegalArgumentException("benefitLevels: levels must be listed highest first");
            }
        }
        if (benefitLevels.isEmpty()) {
            throw new IllegalArgumentException("benefitLevels: expected a list of levels, highest first");
        }
        positive("hourlyRateRoundingUnit", hourlyRateRoundingUnit);
        positive("workingHoursRoundingUnit", workingHoursRoundingUnit);
        positive("sgiRoundingUnit", sgiRoundingUnit);
    }

    private static void positive(String name, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + ": must be greater than 0, got " + value.toPlainString());
        }
    }

    /**
     * Hashes by the period alone: rule facts that carry a set (an SGI, an hourly amount, a working-time
     * day) are hashed on every logical insertion, and the generated hash over every value and the list
     * of levels was the largest single cost of a decision. Equal sets have equal periods, so
     * {@link #equals} stays consistent.
     */
    @Override
    public int hashCode() {
        return 31 * from.hashCode() + until.hashCode();
    }

    /** SGI ceiling in kronor (SFB 25:5): ceiling factor × price base amount. */
    public BigDecimal sgiCeiling() {
        return priceBaseAmount.multiply(sgiCeilingFactor).setScale(2, RoundingMode.HALF_UP);
    }

    /** The lowest income that gives an SGI (SFB 25:3): floor share × price base amount. */
    public BigDecimal sgiFloor() {
        return priceBaseAmount.multiply(sgiFloorShare).setScale(2, RoundingMode.HALF_UP);
    }

    /** Income rounded down to the SGI rounding unit (whole hundreds). */
    public BigDecimal roundDownIncome(BigDecimal income) {
        return income.divide(sgiRoundingUnit, 0, RoundingMode.FLOOR).multiply(sgiRoundingUnit);
    }

    /** The yearly benefit an SGI gives (beräkningsunderlag, SFB 28:7): SGI × share × rate, exact. */
    public BigDecimal benefitBase(BigDecimal sgi) {
        return sgi.multiply(sicknessBenefitShare).multiply(sicknessBenefitRate);
    }

    /** Full daily amount (SFB 28:7, 28:10): SGI × share × rate / days, to whole kronor, 50 öre up. */
    public BigDecimal fullDailyAmount(BigDecimal sgi) {
        return benefitBase(sgi).divide(BigDecimal.valueOf(daysPerYear), 0, RoundingMode.HALF_UP);
    }

    /**
     * The highest benefit level that {@code absentMinutes} out of {@code normalMinutes} reaches,
     * or zero when it reaches none. Exact: compares absent ≥ normal × level, no division.
     */
    public BigDecimal benefitLevel(long absentMinutes, long normalMinutes) {
        BigDecimal absent = BigDecimal.valueOf(absentMinutes);
        BigDecimal normal = BigDecimal.valueOf(normalMinutes);
        return benefitLevels.stream()
                .filter(level -> absent.compareTo(normal.multiply(level)) >= 0)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** The lowest level that pays anything (a quarter). */
    public BigDecimal lowestBenefitLevel() {
        return benefitLevels.get(benefitLevels.size() - 1);
    }

    /**
     * The hourly amount of working-time sickness benefit (SFB 28:13 p. 1): SGI × share × rate divided
     * by the annual working hours, rounded to the hourly-rate rounding unit, 50 öre up.
     */
    public BigDecimal hourlyRate(BigDecimal sgi, int annualWorkingHours) {
        BigDecimal exact = benefitBase(sgi).divide(BigDecimal.valueOf(annualWorkingHours), 10, RoundingMode.HALF_UP);
        return roundTo(exact, hourlyRateRoundingUnit);
    }

    /** A day's ordinary working time in hours, rounded to the working-hours unit, half up (SFB 28:16). */
    public BigDecimal workingHours(int normalWorkingMinutes) {
        BigDecimal exact = BigDecimal.valueOf(normalWorkingMinutes).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        return roundTo(exact, workingHoursRoundingUnit);
    }

    /**
     * Full working-time daily amount (SFB 28:13–14, 28:16): the hourly rate × the ordinary {@code hours}
     * of the {@code days} paid together / {@code days} (one day: that day's hours). Whole kronor, 50 öre up.
     */
    public BigDecimal workingTimeFullDay(BigDecimal hourlyRate, BigDecimal hours, int days) {
        return hourlyRate.multiply(hours).divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP);
    }

    /** True when the {@code dayOfSickPeriod}-th day of a sjukperiod is one an employee is paid by working time (SFB 28:5). */
    public boolean paidByWorkingTime(int dayOfSickPeriod) {
        return dayOfSickPeriod <= workingTimeDaysPerSickPeriod;
    }

    private static BigDecimal roundTo(BigDecimal value, BigDecimal unit) {
        return value.divide(unit, 0, RoundingMode.HALF_UP).multiply(unit);
    }

    /** A partial day's amount: full daily amount × level, to whole kronor, 50 öre up (PSB-11 ASSUMPTION). */
    public BigDecimal dayAmount(BigDecimal fullDailyAmount, BigDecimal level) {
        return fullDailyAmount.multiply(level).setScale(0, RoundingMode.HALF_UP);
    }
}
