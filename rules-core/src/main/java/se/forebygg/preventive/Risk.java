package se.forebygg.preventive;

import java.math.BigDecimal;
import se.forebygg.internal.checks.Require;

/** @param expectedWorkCapacityReduction the reduction the illness risk threatens, 0.0–1.0 (PSB-6) */
public record Risk(BigDecimal expectedWorkCapacityReduction) {
    public Risk {
        Require.share(expectedWorkCapacityReduction, "expectedWorkCapacityReduction");
    }
}
