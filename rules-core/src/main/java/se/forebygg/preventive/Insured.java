package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.internal.checks.Require;

/**
 * The insured person.
 *
 * @param annualIncome expected yearly work income in kronor, from which SGI is derived (PSB-7)
 * @param annualWorkingHours the annual working hours (årsarbetstid, SFB 25:26), 1–8 784; required at
 *        COMPENSATION for an employee, whose days are paid by working time (PSB-11a); null when not given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Insured(BigDecimal annualIncome, Occupation occupation, Integer annualWorkingHours) {
    /** The hours of a leap year, 366 × 24: no one works more in a year. */
    public static final int MAX_ANNUAL_WORKING_HOURS = 8_784;

    public Insured {
        Require.kronor(annualIncome, "annualIncome");
        Require.present(occupation, "occupation");
        if (annualWorkingHours != null
                && (annualWorkingHours < 1 || annualWorkingHours > MAX_ANNUAL_WORKING_HOURS)) {
            throw new InvalidCaseException("$.annualWorkingHours", "must be a whole number of hours from 1 to "
                    + MAX_ANNUAL_WORKING_HOURS);
        }
    }

    /** An insured person whose annual working hours are not given (not needed unless employed at COMPENSATION). */
    public Insured(BigDecimal annualIncome, Occupation occupation) {
        this(annualIncome, occupation, null);
    }
}
