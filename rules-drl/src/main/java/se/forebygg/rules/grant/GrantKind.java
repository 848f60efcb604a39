package se.forebygg.rules.grant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.forebygg.engine.Calculation;
import se.forebygg.grant.GrantCalculation;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.Measure;
import se.forebygg.spi.Benefit;
import se.forebygg.spi.Dates;
import se.forebygg.spi.Facts;
import se.forebygg.parameters.Parameters;

/** Facts and calculation of a workplace-rehabilitation-grant application, and the caps its applications share. */
public final class GrantKind implements Benefit<GrantCase> {

    /** Applications count against the yearly caps of their employee and employer (ARS-6, ARS-7). */
    private static final Shared<GrantCase> CAPS = new Shared<>() {
        @Override
        public Comparator<GrantCase> order() {
            return GrantCase.SUBMISSION_ORDER;
        }

        /** One employer's year: the employer cap's sum, and the sums of its employees, change together. */
        @Override
        public String room(GrantCase c) {
            return c.employerId() + "\u0000" + c.year();
        }

        @Override
        public GrantLedger.Reservation reserve(GrantCase c, GrantLedger ledger) {
            return ledger.reserve(c);
        }

        /** What the ledger holds for the employee and employer in the year, plus the application's own alreadyGranted. */
        @Override
        public List<Object> prior(GrantCase c, GrantLedger.Reservation room) {
            return List.of(new PriorGrants(c.caseId(),
                    room.employeeGranted().add(c.alreadyGranted().employee()),
                    room.employerGranted().add(c.alreadyGranted().employer())));
        }
    };

    @Override
    public Shared<GrantCase> shared() {
        return CAPS;
    }

    @Override
    public Class<GrantCase> caseClass() {
        return GrantCase.class;
    }

    @Override
    public Class<GrantParameters> parameterRecord() {
        return GrantParameters.class;
    }

    /** The case, each measure numbered, and the parameters of each measure's day. */
    @Override
    public List<Object> facts(GrantCase c, Parameters parameters) {
        Set<GrantParameters> periods = new LinkedHashSet<>();
        List<Object> facts = new ArrayList<>();
        facts.add(c);
        for (int i = 0; i < c.measures().size(); i++) {
            Measure m = c.measures().get(i);
            periods.add(Dates.parametersOn(parameters, GrantParameters.class, m.performedOn(), "$.measures[" + i + "].performedOn"));
            facts.add(new GrantMeasure(c.caseId(), i, m.kind(), m.performedOn(), m.amountPaid()));
        }
        facts.addAll(periods);
        return facts;
    }

    @Override
    public Calculation calculation(GrantCase c, Facts facts) {
        CoveredCost cost = facts.all(CoveredCost.class, Comparator.comparing(CoveredCost::caseId)).get(0);
        ApplicationDeadline deadline = facts.all(ApplicationDeadline.class,
                Comparator.comparing(ApplicationDeadline::caseId)).get(0);
        Map<Cap, CapRoom> rooms = facts.all(CapRoom.class, Comparator.comparing(CapRoom::cap)).stream()
                .collect(Collectors.toMap(CapRoom::cap, Function.identity()));
        BigDecimal grant = facts.all(Grant.class, Comparator.comparing(Grant::caseId)).stream()
                .map(Grant::amount).findFirst().orElse(BigDecimal.ZERO);
        Map<Integer, Exclusion> excluded = facts.all(Exclusion.class, Comparator.comparing(Exclusion::index)).stream()
                .collect(Collectors.toMap(Exclusion::index, Function.identity(), (a, b) -> a));
        List<GrantCalculation.MeasureFigures> measures = new ArrayList<>();
        for (int i = 0; i < c.measures().size(); i++) {
            Measure m = c.measures().get(i);
            Exclusion x = excluded.get(i);
            measures.add(new GrantCalculation.MeasureFigures(i + 1, m.kind(), m.performedOn(), m.amountPaid(),
                    x == null, x == null ? null : x.reason()));
        }
        CapRoom perApplication = rooms.get(Cap.APPLICATION);
        if (perApplication != null) {
            return new GrantCalculation(c.year(), deadline.lastDay(), cost.amount(), cost.half(), null, null, null,
                    null, grant, measures, deadline.statutory(), GrantCalculation.Caps.PER_APPLICATION,
                    perApplication.limit());
        }
        BigDecimal employeeRoom = rooms.get(Cap.EMPLOYEE).room();
        BigDecimal employerRoom = rooms.get(Cap.EMPLOYER).room();
        return new GrantCalculation(c.year(), deadline.lastDay(), cost.amount(), cost.half(),
                employeeRoom, employeeRoom.subtract(grant), employerRoom, employerRoom.subtract(grant), grant,
                measures, deadline.statutory(), GrantCalculation.Caps.YEARLY, null);
    }

    @Override
    public BigDecimal amount(GrantCase c, Calculation calculation) {
        return ((GrantCalculation) calculation).grant();
    }
}
