package se.forebygg.grant;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A {@link GrantLedger} in memory, safe to share between threads. Starts empty. */
public final class InMemoryGrantLedger implements GrantLedger {

    private record EmployerYear(String employerId, int year) {
    }

    private record EmployeeYear(String employerId, String employeeId, int year) {
    }

    private final Map<EmployerYear, BigDecimal> perEmployer = new HashMap<>();
    private final Map<EmployeeYear, BigDecimal> perEmployee = new HashMap<>();

    @Override
    public synchronized BigDecimal granted(String employerId, int year) {
        return perEmployer.getOrDefault(new EmployerYear(employerId, year), BigDecimal.ZERO);
    }

    @Override
    public synchronized BigDecimal granted(String employerId, String employeeId, int year) {
        return perEmployee.getOrDefault(new EmployeeYear(employerId, employeeId, year), BigDecimal.ZERO);
    }

    @Override
    public synchronized void record(String caseId, String employerId, String employeeId, int year, BigDecimal amount) {
        Objects.requireNonNull(caseId, "caseId");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a grant is never negative: " + amount);
        }
        perEmployer.merge(new EmployerYear(employerId, year), amount, BigDecimal::add);
        perEmployee.merge(new EmployeeYear(employerId, employeeId, year), amount, BigDecimal::add);
    }
}
