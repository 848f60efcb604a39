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
 * @param applicationDeadline the last day the application was in time (ARS-8), moved past a weekend
 *        or public holiday (ARS-8a)
 * @param employeeRoomBefore null when the yearly caps did not apply (ARS-10); so the other rooms
 * @param grant what is granted: zero when rejected
 * @param statutoryDeadline the deadline day the law names, before any move (ARS-8)
 * @param caps which caps limited the grant: the yearly ones (ARS-6, ARS-7) or, before they were in
 *        force, the one per application (ARS-10)
 * @param applicationCap the cap per application under {@link Caps#PER_APPLICATION}, otherwise null
 */
public record GrantCalculation(int year, LocalDate applicationDeadline, BigDecimal coveredCost,
                               BigDecimal halfOfCost, BigDecimal employeeRoomBefore, BigDecimal employeeRoomAfter,
                               BigDecimal employerRoomBefore, BigDecimal employerRoomAfter, BigDecimal grant,
                               List<MeasureFigures> measures, LocalDate statutoryDeadline, Caps caps,
                               BigDecimal applicationCap) implements Calculation {

    /** The caps that limit an application. */
    public enum Caps {
        /** 10 000 kr per employee and 200 000 kr per employer and calendar year (ARS-6, ARS-7). */
        YEARLY,
        /** Before the yearly caps: at most a fixed amount per application (ARS-10). */
        PER_APPLICATION
    }

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
