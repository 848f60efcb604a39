package se.forebygg.grant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.identity.EmployerId;
import se.forebygg.identity.PersonalIdentityNumber;
import se.forebygg.internal.checks.Require;

/**
 * An employer's application for the workplace rehabilitation grant (arbetsplatsinriktat
 * rehabiliteringsstöd, förordningen (2014:67)) for one employee and measures of one calendar year
 * (ARS-9).
 *
 * @param employerId the employer's organisation number (or a sole trader's personal identity number),
 *                   any spelling; held in its canonical form ({@link EmployerId})
 * @param employeeId the employee's personal identity or coordination number, any spelling; held in its
 *                   canonical form {@code YYYYMMDD-NNNN} ({@link PersonalIdentityNumber})
 * @param alreadyGranted optional; grants of the same year the host knows of, zeros when absent
 */
@JsonPropertyOrder({"type", "caseId", "employerId", "employeeId", "employeeCondition", "provider", "measures",
        "submittedOn", "alreadyGranted"})
public record GrantCase(String caseId, String employerId, String employeeId, EmployeeCondition employeeCondition,
                        GrantProvider provider, List<Measure> measures, LocalDate submittedOn,
                        AlreadyGranted alreadyGranted) implements Case {

    /**
     * The order in which applications evaluated together count against each other's caps: by
     * {@code submittedOn}, then {@code caseId}.
     */
    public static final Comparator<GrantCase> SUBMISSION_ORDER =
            Comparator.comparing(GrantCase::submittedOn).thenComparing(GrantCase::caseId);

    public GrantCase {
        Require.caseId(caseId);
        Require.present(employerId, "employerId");
        Require.present(employeeId, "employeeId");
        Require.present(employeeCondition, "employeeCondition");
        Require.present(provider, "provider");
        measures = Require.list(measures, "measures");
        if (measures.isEmpty()) {
            throw new InvalidCaseException("$.measures", "must list at least one measure");
        }
        int year = measures.get(0).performedOn().getYear();
        for (int i = 1; i < measures.size(); i++) {
            LocalDate on = measures.get(i).performedOn();
            if (on.getYear() != year) {
                throw new InvalidCaseException("$.measures[" + i + "].performedOn", "performed in " + on.getYear()
                        + ", but measures[0] in " + year + ": one application covers measures of one calendar year");
            }
        }
        Require.present(submittedOn, "submittedOn");
        // One meaning per identifier (contract version 2): every spelling of one organisation or person is
        // one cap key. A 10-digit personal number's century is read as on the day the application came in.
        employerId = EmployerId.parse(employerId, submittedOn, "$.employerId").canonical();
        employeeId = PersonalIdentityNumber.parse(employeeId, submittedOn, "$.employeeId").canonical();
        for (int i = 0; i < measures.size(); i++) {
            LocalDate on = measures.get(i).performedOn();
            if (submittedOn.isBefore(on)) {
                throw new InvalidCaseException("$.submittedOn", "submitted on " + submittedOn + ", before measures["
                        + i + "] was performed on " + on + ": an application comes after its measures (IN-1)");
            }
        }
        alreadyGranted = alreadyGranted == null ? AlreadyGranted.NONE : alreadyGranted;
    }

    @Override
    public CaseType type() {
        return CaseType.WORKPLACE_REHABILITATION_GRANT;
    }

    /** The calendar year of the measures, the year whose caps apply (ARS-6, ARS-7). */
    public int year() {
        return measures.get(0).performedOn().getYear();
    }

    /** The earliest day a measure was performed on: the day whose parameters the year's grant reads. */
    public LocalDate firstPerformedOn() {
        return measures.stream().map(Measure::performedOn).min(Comparator.naturalOrder()).orElseThrow();
    }
}
