package se.forebygg.ledger.jdbc;

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
import se.forebygg.testkit.SwedishIds;

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
            String employer = SwedishIds.employer(random.nextInt(3));
            String employee = SwedishIds.employee(random.nextInt(30));
            String paid = (2_000 + random.nextInt(16_000)) + "." + String.format("%02d", random.nextInt(100));
            cases.add(application(String.format("ars-%04d", i), employer, employee, paid));
        }
        return cases;
    }

    /**
     * {@code employers} employers with {@code perEmployer} applications each, spread over three employees
     * of each, every application of 6 000–10 000 kr paid (so employee caps are reached): as many rooms as
     * a large real run holds.
     */
    static List<GrantCase> manyEmployers(int employers, int perEmployer) {
        List<GrantCase> cases = new ArrayList<>();
        for (int e = 0; e < employers; e++) {
            for (int k = 0; k < perEmployer; k++) {
                cases.add(application(String.format("ars-%04d-%02d", e, k), SwedishIds.employer(e),
                        SwedishIds.employee(e * 3 + k % 3), (6_000 + (e * 7 + k * 13) % 4_000) + ".00"));
            }
        }
        return cases;
    }
}
