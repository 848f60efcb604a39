package se.forebygg.engine;

import se.forebygg.Forebygg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.preventive.Claim;
import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.Insured;
import se.forebygg.preventive.Occupation;
import se.forebygg.preventive.Plan;
import se.forebygg.preventive.PlanKind;
import se.forebygg.preventive.PreventiveCalculation;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.preventive.Purpose;
import se.forebygg.preventive.Risk;
import se.forebygg.preventive.Step;

/** The rulebook's worked checks, through the Java API. */
class WorkedChecksTest {
    static final Forebygg ENGINE = Forebygg.create();

    /** A whole day by the calendar-day method (PSB-11): the self-employed are paid so. */
    static PreventiveCase fullDay(String income, LocalDate day) {
        return new PreventiveCase("w", Step.COMPENSATION, day,
                new Insured(new BigDecimal(income), Occupation.SELF_EMPLOYED),
                new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 4),
                new Claim(List.of(new ClaimDay(day, 420, 30, 30, 480))));
    }

    /** An employee's one claimed day of an 8-hour working day, by working time (PSB-11a). */
    static PreventiveCase employeeDay(int annualWorkingHours, int absentMinutes) {
        LocalDate day = LocalDate.of(2025, 3, 10);
        return new PreventiveCase("e", Step.COMPENSATION, day,
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED, annualWorkingHours),
                new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 4),
                new Claim(List.of(new ClaimDay(day, absentMinutes, 0, 0, 480))));
    }

    @Test
    void anEmployeeWithSgi420000And2080HoursHas157KronorAnHourAnd1256KronorAWholeDay() {
        Decision d = ENGINE.evaluate(employeeDay(2080, 480));
        PreventiveCalculation.DayFigures day = ((PreventiveCalculation) d.calculation()).days().get(0);
        assertEquals(se.forebygg.preventive.CalculationMethod.WORKING_TIME, day.method());
        assertEquals(new BigDecimal("157"), day.hourlyRate());
        assertEquals(new BigDecimal("8"), day.hours());
        assertEquals(new BigDecimal("1256"), day.fullDailyAmount());
        assertEquals(new BigDecimal("1256.00"), d.amount());
    }

    @Test
    void aTwoHourTreatmentInAnEightHourDayPaysAQuarter314Kronor() {
        Decision d = ENGINE.evaluate(employeeDay(2080, 120));
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals(new BigDecimal("314.00"), d.amount());
    }

    @Test
    void halfTheAnnualWorkingHoursGives313KronorAnHour() {
        Decision d = ENGINE.evaluate(employeeDay(1040, 480));
        PreventiveCalculation calc = (PreventiveCalculation) d.calculation();
        assertEquals(new BigDecimal("313"), calc.sgi().get(0).hourlyRate());
        assertEquals(new BigDecimal("313"), calc.days().get(0).hourlyRate());
        assertEquals(new BigDecimal("2504.00"), d.amount());
    }

    @Test
    void anEmployeesClaimWithoutAnnualWorkingHoursIsBadInputAtThatField() {
        LocalDate day = LocalDate.of(2025, 3, 10);
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> new PreventiveCase("x",
                Step.COMPENSATION, day, new Insured(new BigDecimal("420000"), Occupation.EMPLOYED),
                new Risk(new BigDecimal("0.5")), new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true,
                true, 4), new Claim(List.of(new ClaimDay(day, 120, 0, 0, 480)))));
        assertEquals("$.insured.annualWorkingHours", e.path());
    }

    @Test
    void sgiAtThe2022CeilingGives1027KronorAFullDay() {
        Decision d = ENGINE.evaluate(fullDay("483000", LocalDate.of(2022, 5, 10)));
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals(new BigDecimal("1027.00"), d.amount());
    }

    @Test
    void income700000In2025IsCappedAt588000AndGives1250Kronor() {
        Decision d = ENGINE.evaluate(fullDay("700000", LocalDate.of(2025, 5, 10)));
        assertEquals(new BigDecimal("1250.00"), d.amount());
        PreventiveCalculation calc = (PreventiveCalculation) d.calculation();
        assertEquals(0, new BigDecimal("588000").compareTo(calc.sgi().get(0).sgi()));
        assertTrue(d.has(ReasonCode.PSB_SGI_CAPPED));
        assertEquals(Severity.INFO, d.findings().get(0).severity());
    }

    @Test
    void aDateOutsideTheParameterTableIsBadInputNamingTheDate() {
        InvalidCaseException e = assertThrows(InvalidCaseException.class,
                () -> ENGINE.evaluate(fullDay("300000", LocalDate.of(2031, 5, 1))));
        assertEquals("$.decisionDate", e.path());
        assertTrue(e.reason().contains("2031-05-01"), e.reason());
    }

    @Test
    void everyFindingCarriesItsRuleAndLawInBothLanguages() {
        PreventiveCase bad = new PreventiveCase("r", Step.PLAN_APPROVAL, LocalDate.of(2025, 1, 10),
                new Insured(new BigDecimal("1000"), Occupation.UNEMPLOYED), new Risk(new BigDecimal("0.1")),
                new Plan(PlanKind.WELLNESS, null, false, false, 1), null);
        Decision d = ENGINE.evaluate(bad);
        assertEquals(Outcome.REJECTED, d.outcome());
        assertEquals(List.of(ReasonCode.PSB_NOT_MEDICAL, ReasonCode.PSB_NO_PREVENTIVE_PURPOSE,
                        ReasonCode.PSB_NOT_ORDERED_BY_PHYSICIAN, ReasonCode.PSB_SINGLE_VISIT,
                        ReasonCode.PSB_RISK_BELOW_QUARTER, ReasonCode.PSB_NO_SGI),
                d.findings().stream().map(Finding::code).toList());
        for (Finding f : d.findings()) {
            assertTrue(f.rule().startsWith("PSB-"), f.toString());
            assertTrue(f.legalReference().length() > 5, f.toString());
            assertTrue(!f.message().isBlank() && !f.messageSv().isBlank() && !f.message().equals(f.messageSv()), f.toString());
            assertTrue(!f.message().contains("{"), "unfilled placeholder: " + f.message());
        }
        assertEquals(Severity.WARNING, d.findings().get(5).severity());
    }
}
