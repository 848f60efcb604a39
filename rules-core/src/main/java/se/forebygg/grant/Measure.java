package se.forebygg.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.forebygg.internal.checks.Require;

/** One measure the employer paid the provider for. {@code amountPaid} is kronor, exact to the öre. */
public record Measure(MeasureKind kind, LocalDate performedOn, BigDecimal amountPaid) {
    public Measure {
        Require.present(kind, "kind");
        Require.present(performedOn, "performedOn");
        Require.kronor(amountPaid, "amountPaid");
    }
}
