package se.forebygg.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.ReasonCode;

/**
 * The figures behind a workplace-rehabilitation-grant decision: what was covered, half of it, the
 * room under each cap before and after this grant, and each measure's fate.
 *
 * @param year the measures' calendar year, whose caps apply
 * @param applicationDeadline the last day the application was in time (ARS-8)
 * @param grant what is granted: zero when rejected
 */
public record GrantCalculation(int year, LocalDate applicationDeadline, BigDecimal coveredCost,
                               BigDecimal halfOfCost, BigDecimal employeeRoomBefore, BigDecimal employeeRoomAfter,
                               BigDecimal employerRoomBefore, BigDecimal employerRoomAfter, BigDecimal grant,
                               List<MeasureFigures> measures) implements Calculation {

    public GrantCalculation {
        measures = List.copyOf(measures);
    }

    /**
     * One measure of the application.
     *
     * @param excludedBy the reason it is not covered, null when covered
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MeasureFigures(int number, MeasureKind kind, LocalDate performedOn, BigDecimal amountPaid,
                                 boolean covered, ReasonCode excludedBy) {
    }
}
