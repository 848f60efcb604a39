package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.engine.Calculation;

/**
 * The figures behind a preventive-sickness-benefit decision: the SGI of each parameter period the
 * case touches, and each claimed day's fraction, level and amount.
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
     * @param fullDailyAmount null when there is no SGI
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SgiFigures(LocalDate from, LocalDate until, BigDecimal annualIncome, BigDecimal roundedIncome,
                             BigDecimal priceBaseAmount, BigDecimal floor, BigDecimal ceiling, BigDecimal sgi,
                             boolean ceilingApplied, BigDecimal fullDailyAmount) {
    }

    /**
     * One claimed day.
     *
     * @param fraction absent / normal minutes, four decimals, for reading
     * @param level the level reached (1, 0.75, 0.5, 0.25 or 0)
     */
    public record DayFigures(LocalDate date, int absentMinutes, int normalWorkingMinutes, BigDecimal fraction,
                             BigDecimal level, BigDecimal fullDailyAmount, BigDecimal amount) {
    }
}
