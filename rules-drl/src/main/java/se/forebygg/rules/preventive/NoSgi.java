package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import se.forebygg.parameters.ParameterSet;

/** Rule fact (PSB-7): the income is below the floor, so there is no SGI in this parameter period. */
public record NoSgi(String caseId, ParameterSet period, BigDecimal income, BigDecimal floor) {
}
