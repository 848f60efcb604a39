package se.forebygg.grant;

import se.forebygg.ledger.InMemoryGrantLedger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Result;
import se.forebygg.engine.Severity;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.testkit.SwedishIds;

/** The grant rules of förordningen (2014:67) at their boundaries, one nested class per rule. */
class GrantRulesTest {
    private static final Forebygg ENGINE = Forebygg.create();
    private static final LocalDate APRIL = LocalDate.of(2025, 4, 2);
    private static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);

    private static Measure measure(MeasureKind kind, LocalDate on, String paid) {
        return new Measure(kind, on, new BigDecimal(paid));
    }

    private static GrantCase application(List<Measure> measures, LocalDate submitted, AlreadyGranted already) {
        return new GrantCase("ars-t", "556000-0019", "19600118-1004", EmployeeCondition.AT_RISK_OF_REDUCED_WORK_CAPACITY,
                new GrantProvider("P-3", true), measures, submitted, already);
    }

    private static GrantCase investigation(String paid) {
        return application(List.of(measure(MeasureKind.INVESTIGATE, APRIL, paid)), SEPTEMBER, null);
    }

    private static GrantCase investigation(String paid, String employeeBefore, String employerBefore) {
        return application(List.of(measure(MeasureKind.INVESTIGATE, APRIL, paid)), SEPTEMBER,
                new AlreadyGranted(new BigDecimal(employeeBefore), new BigDecimal(employerBefore)));
    }

    private static GrantCase withId(GrantCase c, String caseId) {
        return new GrantCase(caseId, c.employerId(), c.employeeId(), c.employeeCondition(), c.provider(), c.measures(),
                c.submittedOn(), c.alreadyGranted());
    }

    private static void assertDecision(Decision d, Outcome outcome, String amount, ReasonCode... codes) {
        assertThat(d.outcome()).as("outcome of %s", d).isEqualTo(outcome);
        assertThat(d.amount()).as("amount").isEqualTo(new BigDecimal(amount).setScale(2));
        assertThat(d.findings()).extracting(f -> f.code()).containsExactlyInAnyOrder(codes);
    }

    @Nested
    class Ars1TheEmployeeHasOrRisksReducedWorkCapacity {
        @Test
        void reducedWorkCapacityOrItsRiskQualifies() {
            for (EmployeeCondition condition : List.of(EmployeeCondition.REDUCED_WORK_CAPACITY,
                    EmployeeCondition.AT_RISK_OF_REDUCED_WORK_CAPACITY)) {
                GrantCase c = investigation("8000");
                c = new GrantCase(c.caseId(), c.employerId(), c.employeeId(), condition, c.provider(), c.measures(),
                        c.submittedOn(), null);
                assertDecision(ENGINE.evaluate(c), Outcome.APPROVED, "4000");
            }
        }

        @Test
        void noRiskIsRefused() {
            GrantCase c = investigation("8000");
            c = new GrantCase(c.caseId(), c.employerId(), c.employeeId(), EmployeeCondition.NONE, c.provider(),
                    c.measures(), c.submittedOn(), null);
            assertDecision(ENGINE.evaluate(c), Outcome.REJECTED, "0", ReasonCode.ARS_NO_WORK_CAPACITY_RISK);
        }
    }

    @Nested
    class Ars2TreatmentIsNeverCovered {
        @Test
        void aTreatmentLineIsLeftOutAndTheRestIsGranted() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, APRIL, "12000"),
                    measure(MeasureKind.TREATMENT, APRIL, "4500")), SEPTEMBER, null));
            assertDecision(d, Outcome.PARTIALLY_APPROVED, "6000", ReasonCode.ARS_TREATMENT_EXCLUDED);
            assertThat(d.findings().get(0).severity()).isEqualTo(Severity.REDUCTION);
            assertThat(d.findings().get(0).message()).contains("Measure 2", "4500");
            GrantCalculation calc = (GrantCalculation) d.calculation();
            assertThat(calc.measures()).extracting(GrantCalculation.MeasureFigures::covered).containsExactly(true, false);
        }

        @Test
        void eachTreatmentLineIsAReasonOfItsOwn() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, APRIL, "1000"),
                    measure(MeasureKind.TREATMENT, APRIL, "500"), measure(MeasureKind.TREATMENT, APRIL, "500")),
                    SEPTEMBER, null));
            assertDecision(d, Outcome.PARTIALLY_APPROVED, "500", ReasonCode.ARS_TREATMENT_EXCLUDED,
                    ReasonCode.ARS_TREATMENT_EXCLUDED);
        }

        @Test
        void anApplicationForTreatmentOnlyIsRefused() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.TREATMENT, APRIL, "6000")),
                    SEPTEMBER, null));
            assertDecision(d, Outcome.REJECTED, "0", ReasonCode.ARS_TREATMENT_EXCLUDED);
            assertThat(d.findings().get(0).severity()).isEqualTo(Severity.REJECTION);
        }
    }

    @Nested
    class Ars3BeforeJuly2018OnlyInvestigateAndInitiate {
        private final LocalDate lastDayBefore = LocalDate.of(2018, 6, 30);
        private final LocalDate firstDayInForce = LocalDate.of(2018, 7, 1);

        @Test
        void planImplementAndFollowUpOn30June2018AreLeftOut() {
            for (MeasureKind kind : List.of(MeasureKind.PLAN, MeasureKind.IMPLEMENT, MeasureKind.FOLLOW_UP)) {
                Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, lastDayBefore, "2000"),
                        measure(kind, lastDayBefore, "3000")), LocalDate.of(2018, 9, 1), null));
                assertDecision(d, Outcome.PARTIALLY_APPROVED, "1000", ReasonCode.ARS_MEASURE_NOT_IN_FORCE);
            }
        }

        @Test
        void planImplementAndFollowUpOn1July2018AreCovered() {
            for (MeasureKind kind : List.of(MeasureKind.PLAN, MeasureKind.IMPLEMENT, MeasureKind.FOLLOW_UP)) {
                Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, lastDayBefore, "2000"),
                        measure(kind, firstDayInForce, "3000")), LocalDate.of(2018, 9, 1), null));
                assertDecision(d, Outcome.APPROVED, "2500");
            }
        }

        @Test
        void investigateAndInitiateWereAlwaysCovered() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, LocalDate.of(2014, 3, 3), "2000"),
                    measure(MeasureKind.INITIATE, LocalDate.of(2014, 3, 4), "2000")), LocalDate.of(2014, 9, 1), null));
            assertDecision(d, Outcome.APPROVED, "2000");
        }

        @Test
        void nothingLeftBeforeJuly2018IsRefused() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.FOLLOW_UP, lastDayBefore, "3000")),
                    LocalDate.of(2018, 9, 1), null));
            assertDecision(d, Outcome.REJECTED, "0", ReasonCode.ARS_MEASURE_NOT_IN_FORCE);
        }
    }

    @Nested
    class Ars4TheProviderMustBeApproved {
        @Test
        void anUnapprovedProviderIsRefused() {
            GrantCase c = investigation("8000");
            c = new GrantCase(c.caseId(), c.employerId(), c.employeeId(), c.employeeCondition(),
                    new GrantProvider("P-9", false), c.measures(), c.submittedOn(), null);
            Decision d = ENGINE.evaluate(c);
            assertDecision(d, Outcome.REJECTED, "0", ReasonCode.ARS_PROVIDER_NOT_APPROVED);
            assertThat(d.findings().get(0).message()).contains("P-9");
        }
    }

    @Nested
    class Ars5TheGrantIsHalfOfWhatWasPaid {
        @Test
        void halfOfTheCoveredCost() {
            Decision d = ENGINE.evaluate(application(List.of(measure(MeasureKind.INVESTIGATE, APRIL, "8000"),
                    measure(MeasureKind.PLAN, APRIL, "6000")), SEPTEMBER, null));
            assertDecision(d, Outcome.APPROVED, "7000");
            GrantCalculation calc = (GrantCalculation) d.calculation();
            assertThat(calc.coveredCost()).isEqualByComparingTo("14000");
            assertThat(calc.halfOfCost()).isEqualByComparingTo("7000");
            assertThat(calc.employeeRoomAfter()).isEqualByComparingTo("3000");
            assertThat(calc.employerRoomAfter()).isEqualByComparingTo("193000");
        }

        @Test
        void keptToTheOreAndAnOddOreOfTheHalfIsNotPaid() {
            assertDecision(ENGINE.evaluate(investigation("3500.50")), Outcome.APPROVED, "1750.25");
            assertDecision(ENGINE.evaluate(investigation("0.03")), Outcome.APPROVED, "0.01");
            assertDecision(ENGINE.evaluate(investigation("19999.99")), Outcome.APPROVED, "9999.99");
        }
    }

    @Nested
    class Ars6AtMost10000PerEmployeeAndYear {
        @Test
        void exactlyAtTheCapIsGrantedInFull() {
            assertDecision(ENGINE.evaluate(investigation("20000")), Outcome.APPROVED, "10000");
            assertDecision(ENGINE.evaluate(investigation("20000.01")), Outcome.APPROVED, "10000");
        }

        @Test
        void oneOreAboveTheCapIsReduced() {
            assertDecision(ENGINE.evaluate(investigation("20000.02")), Outcome.PARTIALLY_APPROVED, "10000",
                    ReasonCode.ARS_EMPLOYEE_CAP_APPLIED);
        }

        @Test
        void with999999GrantedBeforeOneOreIsLeft() {
            assertDecision(ENGINE.evaluate(investigation("8000", "9999.99", "9999.99")), Outcome.PARTIALLY_APPROVED,
                    "0.01", ReasonCode.ARS_EMPLOYEE_CAP_APPLIED);
        }

        @Test
        void with10000GrantedBeforeNothingIsLeft() {
            Decision d = ENGINE.evaluate(investigation("8000", "10000", "10000"));
            assertDecision(d, Outcome.REJECTED, "0", ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED);
            assertThat(d.findings().get(0).messageSv()).contains("förbrukat");
        }

        @Test
        void aFullRoomAndNothingPaidGivesNoCapReasonOnlyArs5a() {
            assertDecision(ENGINE.evaluate(investigation("0", "10000", "0")), Outcome.REJECTED, "0",
                    ReasonCode.ARS_NOTHING_PAID);
        }
    }

    @Nested
    class Ars7AtMost200000PerEmployerAndYear {
        @Test
        void exactlyAtTheCapIsGrantedInFull() {
            assertDecision(ENGINE.evaluate(investigation("8000", "0", "196000")), Outcome.APPROVED, "4000");
        }

        @Test
        void with19999999GrantedBeforeOneOreIsLeft() {
            assertDecision(ENGINE.evaluate(investigation("8000", "0", "199999.99")), Outcome.PARTIALLY_APPROVED,
                    "0.01", ReasonCode.ARS_EMPLOYER_CAP_APPLIED);
        }

        @Test
        void with200000GrantedBeforeNothingIsLeft() {
            assertDecision(ENGINE.evaluate(investigation("8000", "0", "200000")), Outcome.REJECTED, "0",
                    ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED);
        }

        @Test
        void bothCapsAreReportedWhenBothBind() {
            assertDecision(ENGINE.evaluate(investigation("30000", "9000", "199500")), Outcome.PARTIALLY_APPROVED,
                    "500", ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, ReasonCode.ARS_EMPLOYER_CAP_APPLIED);
            assertDecision(ENGINE.evaluate(investigation("30000", "10000", "200000")), Outcome.REJECTED, "0",
                    ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED, ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED);
        }

        @Test
        void twentyOneEmployeesInOneBatchMeetTheEmployerCap() {
            List<GrantCase> batch = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                batch.add(new GrantCase(String.format("ars-%02d", i), "556000-0019", SwedishIds.employee(i),
                        EmployeeCondition.REDUCED_WORK_CAPACITY, new GrantProvider("P-3", true),
                        List.of(measure(MeasureKind.INVESTIGATE, APRIL, "20000")), SEPTEMBER, null));
            }
            List<Decision> d = ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList();
            assertThat(d.subList(0, 20)).allSatisfy(x -> assertThat(x.amount()).isEqualByComparingTo("10000"));
            assertDecision(d.get(20), Outcome.REJECTED, "0", ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED);
        }
    }

    @Nested
    class Ars8TheApplicationMustArriveBy1FebruaryTheYearAfter {
        private GrantCase submittedOn(LocalDate day) {
            return application(List.of(measure(MeasureKind.INVESTIGATE, LocalDate.of(2024, 2, 29), "8000")), day, null);
        }

        @Test
        void onTheDeadlineDayItIsInTime() {
            assertDecision(ENGINE.evaluate(submittedOn(LocalDate.of(2025, 2, 1))), Outcome.APPROVED, "4000");
        }

        @Test
        void aDeadlineOnASaturdayMovesToMonday() {
            assertDecision(ENGINE.evaluate(submittedOn(LocalDate.of(2025, 2, 3))), Outcome.APPROVED, "4000");
        }

        @Test
        void theDayAfterTheMovedDeadlineItIsLate() {
            Decision d = ENGINE.evaluate(submittedOn(LocalDate.of(2025, 2, 4)));
            assertDecision(d, Outcome.REJECTED, "0", ReasonCode.ARS_LATE_APPLICATION);
            assertThat(d.findings().get(0).message()).contains("2025-02-04", "2025-02-03", "2024", "2025-02-01");
            GrantCalculation calc = (GrantCalculation) d.calculation();
            assertThat(calc.applicationDeadline()).isEqualTo(LocalDate.of(2025, 2, 3));
            assertThat(calc.statutoryDeadline()).isEqualTo(LocalDate.of(2025, 2, 1));
        }
    }

    @Nested
    class Ars9OneEmployeeAndOneCalendarYear {
        private final ObjectMapper mapper = ForebyggJson.newMapper();

        private String readOne(String json) throws Exception {
            try (CaseReader reader = CaseReader.open(new StringReader(json))) {
                Input e = reader.next();
                return e instanceof Input.Unread unread ? ForebyggJson.toLine(mapper, unread.refusal()) : "case";
            }
        }

        private String grant(String measures) {
            return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-9\",\"employerId\":\"556000-0019\","
                    + "\"employeeId\":\"19600102-1002\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
                    + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[" + measures + "],"
                    + "\"submittedOn\":\"2026-01-20\"}";
        }

        @Test
        void measuresOf31DecemberAnd1JanuaryAreBadInput() throws Exception {
            assertThat(readOne(grant("{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-31\",\"amountPaid\":1},"
                    + "{\"kind\":\"PLAN\",\"performedOn\":\"2026-01-01\",\"amountPaid\":1}")))
                    .contains("\"path\":\"$.measures[1].performedOn\"", "one calendar year");
        }

        @Test
        void aNegativeAmountIsBadInput() throws Exception {
            assertThat(readOne(grant("{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-31\",\"amountPaid\":1},"
                    + "{\"kind\":\"PLAN\",\"performedOn\":\"2025-12-30\",\"amountPaid\":-1}")))
                    .contains("\"path\":\"$.measures[1].amountPaid\"", "must be >= 0");
        }

        @Test
        void anAmountFinerThanTheOreIsBadInput() throws Exception {
            assertThat(readOne(grant("{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-31\",\"amountPaid\":1.005}")))
                    .contains("\"path\":\"$.measures[0].amountPaid\"", "öre");
        }

        @Test
        void aWholeApplicationReadsAndRoundTrips() throws Exception {
            assertThat(readOne(grant("{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-31\",\"amountPaid\":1.50}")))
                    .isEqualTo("case");
            Decision d = ENGINE.evaluate(investigation("8000"));
            Decision back = mapper.readValue(ForebyggJson.toLine(mapper, d), Decision.class);
            // Read back through a JSON tree, amounts lose their trailing zeros: compare by value.
            GrantCalculation calc = (GrantCalculation) back.calculation();
            assertThat(calc.grant()).isEqualByComparingTo("4000");
            assertThat(calc.employerRoomAfter()).isEqualByComparingTo("196000");
            assertThat(calc.measures()).isEqualTo(((GrantCalculation) d.calculation()).measures());
        }
    }

    @Nested
    class Batches {
        @Test
        void grantsAreTakenBySubmissionDayAndComeBackInInputOrder() {
            GrantCase later = new GrantCase("ars-b", "556000-0019", "19600118-1004", EmployeeCondition.REDUCED_WORK_CAPACITY,
                    new GrantProvider("P-3", true), List.of(measure(MeasureKind.INVESTIGATE, APRIL, "16000")),
                    LocalDate.of(2025, 10, 1), null);
            GrantCase earlier = new GrantCase("ars-a", "556000-0019", "19600118-1004", EmployeeCondition.REDUCED_WORK_CAPACITY,
                    new GrantProvider("P-3", true), List.of(measure(MeasureKind.INVESTIGATE, APRIL, "16000")),
                    LocalDate.of(2025, 9, 1), null);
            List<Decision> d = ENGINE.decideAll(Input.all(List.of(later, earlier))).stream().map(Result::orThrow).toList();
            assertThat(d).extracting(Decision::caseId).containsExactly("ars-b", "ars-a");
            assertDecision(d.get(1), Outcome.APPROVED, "8000");
            assertDecision(d.get(0), Outcome.PARTIALLY_APPROVED, "2000", ReasonCode.ARS_EMPLOYEE_CAP_APPLIED);
        }

        @Test
        void aLedgerCarriesGrantsFromOneCallToTheNext() {
            GrantLedger ledger = new InMemoryGrantLedger();
            assertDecision(ENGINE.evaluate(investigation("16000"), ledger), Outcome.APPROVED, "8000");
            assertDecision(ENGINE.evaluate(withId(investigation("16000"), "ars-second"), ledger),
                    Outcome.PARTIALLY_APPROVED, "2000",
                    ReasonCode.ARS_EMPLOYEE_CAP_APPLIED);
            assertThat(ledger.granted("556000-0019", "19600118-1004", 2025)).isEqualByComparingTo("10000");
            assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("10000");
            assertThat(ledger.granted("556000-0019", 2024)).isEqualByComparingTo("0");
        }

        @Test
        void aLedgerIsIdempotentByCaseIdAndReleasesAWithdrawnGrant() {
            GrantLedger ledger = new InMemoryGrantLedger();
            Decision first = ENGINE.evaluate(investigation("16000"), ledger);
            assertThat(ENGINE.evaluate(investigation("16000"), ledger)).isSameAs(first);
            assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("8000");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.evaluate(investigation("16001"), ledger))
                    .isInstanceOf(ChangedApplicationException.class).hasMessageStartingWith("$.caseId: ");
            assertThat(ledger.withdraw("ars-t")).isTrue();
            assertThat(ledger.granted("556000-0019", "19600118-1004", 2025)).isEqualByComparingTo("0");
            assertDecision(ENGINE.evaluate(investigation("16001"), ledger), Outcome.APPROVED, "8000.50");
        }

        @Test
        void threadsSharingOneLedgerNeverExceedACap() throws Exception {
            GrantLedger ledger = new InMemoryGrantLedger();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Decision>> futures = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    GrantCase c = withId(investigation("1999.99"), "ars-t" + i);
                    futures.add(pool.submit(() -> ENGINE.evaluate(c, ledger)));
                }
                BigDecimal total = BigDecimal.ZERO;
                for (java.util.concurrent.Future<Decision> f : futures) {
                    total = total.add(f.get().amount());
                }
                assertThat(total).isEqualByComparingTo("10000");
                assertThat(ledger.granted("556000-0019", "19600118-1004", 2025)).isEqualByComparingTo("10000");
            } finally {
                pool.shutdown();
            }
        }

        @Test
        void aCaseAloneCountsOnlyItsOwnAlreadyGranted() {
            assertDecision(ENGINE.evaluate(investigation("16000")), Outcome.APPROVED, "8000");
            assertDecision(ENGINE.evaluate(investigation("16000")), Outcome.APPROVED, "8000");
        }
    }
}
