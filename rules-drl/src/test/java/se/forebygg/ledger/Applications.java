package se.forebygg.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.forebygg.grant.EmployeeCondition;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantProvider;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;

/** Grant applications for the ledger tests. */
final class Applications {
    static final BigDecimal EMPLOYEE_CAP = new BigDecimal("10000");
    static final BigDecimal EMPLOYER_CAP = new BigDecimal("200000");

    private Applications() {
    }

    static GrantCase application(String caseId, String employerId, String employeeId, String paid) {
        return new GrantCase(caseId, employerId, employeeId, EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-1", true),
                List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2025, 4, 2), new BigDecimal(paid))),
                LocalDate.of(2025, 9, 1), null);
    }

    /**
     * {@code count} applications for a few employers (so their caps are reached) and overlapping
     * employees (so employee caps are too), with amounts that give partial grants.
     */
    static List<GrantCase> overlapping(int count, long seed) {
        Random random = new Random(seed);
        List<GrantCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String employer = "556000-000" + random.nextInt(3);
            String employee = "E-" + random.nextInt(30);
            String paid = (2_000 + random.nextInt(16_000)) + "." + String.format("%02d", random.nextInt(100));
            cases.add(application(String.format("ars-%04d", i), employer, employee, paid));
        }
        return cases;
    }
}
