package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import se.forebygg.rules.preventive.PreventiveParameters;

/** Rule fact (PSB-7): the income is below the floor, so there is no SGI in this parameter period. */
public record NoSgi(String caseId, PreventiveParameters period, BigDecimal income, BigDecimal floor) {
}
