package se.forebygg.grant;

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
import se.forebygg.internal.CaseKind;
import se.forebygg.internal.Dates;
import se.forebygg.internal.Facts;
import se.forebygg.parameters.ParameterSet;
import se.forebygg.parameters.Parameters;

/** Facts and calculation of a workplace-rehabilitation-grant application. Not API. */
public final class GrantKind implements CaseKind<GrantCase> {

    @Override
    public Class<GrantCase> caseClass() {
        return GrantCase.class;
    }

    /** The case, each measure numbered, and the parameters of each measure's day. */
    @Override
    public List<Object> facts(GrantCase c, Parameters parameters) {
        Set<ParameterSet> periods = new LinkedHashSet<>();
        List<Object> facts = new ArrayList<>();
        facts.add(c);
        for (int i = 0; i < c.measures().size(); i++) {
            Measure m = c.measures().get(i);
            periods.add(Dates.parametersOn(parameters, m.performedOn(), "$.measures[" + i + "].performedOn"));
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
