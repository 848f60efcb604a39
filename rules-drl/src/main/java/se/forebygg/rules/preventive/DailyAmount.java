package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import se.forebygg.rules.preventive.PreventiveParameters;

/** Rule fact (PSB-11): the full daily amount that an SGI gives in one parameter period. */
public record DailyAmount(String caseId, PreventiveParameters period, BigDecimal sgi, BigDecimal amount) {
}
