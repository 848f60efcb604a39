package se.forebygg.preventive;

import java.math.BigDecimal;
import se.forebygg.internal.Require;

/**
 * The insured person.
 *
 * @param annualIncome expected yearly work income in kronor, from which SGI is derived (PSB-7)
 */
public record Insured(BigDecimal annualIncome, Occupation occupation) {
    public Insured {
        Require.kronor(annualIncome, "annualIncome");
        Require.present(occupation, "occupation");
    }
}
