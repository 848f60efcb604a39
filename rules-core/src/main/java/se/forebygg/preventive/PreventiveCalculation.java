package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.engine.Calculation;

/**
 * The figures behind a preventive-sickness-benefit decision: the SGI of each parameter period the
 * case's SGI dates touch, and each claimed day's fraction, level, method and amount. Every amount can
 * be recomputed from these figures alone.
 */
public record PreventiveCalculation(List<SgiFigures> sgi, List<DayFigures> days, BigDecimal total)
        implements Calculation {

    public PreventiveCalculation {
        sgi = List.copyOf(sgi);
        days = List.copyOf(days);
    }

    /**
     * SGI in one parameter period ({@code from}–{@code until}).
     *
     * @param sgi null when the income is below the floor
     * @param benefitBase the yearly benefit, SGI × share × rate (beräkningsunderlag, SFB 28:7); null without SGI
     * @param fullDailyAmount the calendar-day full daily amount (SFB 28:10); null when there is no SGI
     * @param annualWorkingHours an employee's annual working hours; null otherwise
     * @param hourlyRate an employee's hourly amount, SGI × share × rate / annual working hours, rounded
     *        (SFB 28:13 p. 1); null when there is no SGI or the insured is not an employee
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SgiFigures(LocalDate from, LocalDate until, BigDecimal annualIncome, BigDecimal roundedIncome,
                             BigDecimal priceBaseAmount, BigDecimal floor, BigDecimal ceiling, BigDecimal sgi,
                             boolean ceilingApplied, BigDecimal benefitBase, BigDecimal fullDailyAmount,
                             Integer annualWorkingHours,
                             BigDecimal hourlyRate) {
    }

    /**
     * One claimed day.
     *
     * @param absentMinutes the minutes that count (PSB-9): treatment, preparation and travel; 0 on a day
     *        without treatment (PSB-9a)
     * @param uncountedMinutes preparation and travel that do not count because the day has no treatment
     *        (PSB-9a); 0 on a day with treatment
     * @param fraction absent / normal minutes, four decimals, for reading
     * @param level the level reached (1, 0.75, 0.5, 0.25 or 0)
     * @param method how the day is paid (PSB-11a, PSB-11b)
     * @param dayOfSickPeriod the day's number in its sjukperiod (a run of consecutive claimed days)
     * @param hourlyRate working time only: the hourly amount; null for the calendar-day method
     * @param hours working time only: the day's ordinary working hours, rounded (SFB 28:16)
     * @param groupDays working time only: the days of this sjukperiod and level paid together (SFB 28:14)
     * @param groupHours working time only: their hours together; the full daily amount is
     *        hourlyRate × groupHours / groupDays, rounded to whole kronor
     * @param fullDailyAmount the amount of a whole day; null when the day pays nothing
     * @param amount fullDailyAmount × level, rounded to whole kronor
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DayFigures(LocalDate date, int absentMinutes, int uncountedMinutes, int normalWorkingMinutes,
                             BigDecimal fraction,
                             BigDecimal level, CalculationMethod method, int dayOfSickPeriod, BigDecimal hourlyRate,
                             BigDecimal hours, Integer groupDays, BigDecimal groupHours,
                             BigDecimal fullDailyAmount, BigDecimal amount) {
    }
}
