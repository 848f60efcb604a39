package se.forebygg.internal;

import java.math.BigDecimal;
import java.util.List;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.Case;
import se.forebygg.parameters.Parameters;

/**
 * What the engine needs to know of one case type: which facts go into the session beside the case,
 * and how the facts the rules inferred become the decision's calculation and amount. Not API.
 */
public interface CaseKind<C extends Case> {

    Class<C> caseClass();

    /**
     * The facts to insert, the case first. Throws {@link se.forebygg.engine.InvalidCaseException}
     * naming the date when a date of the case lies outside the parameter table.
     */
    List<Object> facts(C aCase, Parameters parameters);

    /** The calculation from the facts in the session after the rules have run. */
    Calculation calculation(C aCase, Facts facts);

    /** The amount when the case is not rejected. */
    BigDecimal amount(C aCase, Calculation calculation);
}
