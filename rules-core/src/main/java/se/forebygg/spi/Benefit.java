package se.forebygg.spi;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.Case;
import se.forebygg.grant.GrantLedger;
import se.forebygg.parameters.ParameterFile;
import se.forebygg.parameters.Parameters;
import se.forebygg.parameters.Period;

/**
 * The seam between the engine and one benefit's rules: which facts go into the session beside a case,
 * how the facts the rules inferred become the decision's calculation and amount, and, for a benefit
 * whose cases count against each other, what they share. The engine knows benefits only through this
 * interface; each rules module registers its benefits in {@code META-INF/services/se.forebygg.spi.Benefit}.
 * For rule modules, not for hosts.
 */
public interface Benefit<C extends Case> extends ParameterFile {

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

    /** How this benefit's cases count against each other; null when each case is decided on its own facts alone. */
    default Shared<C> shared() {
        return null;
    }

    /**
     * Cases that count against each other through a ledger (the grant's yearly caps): the engine decides
     * them after every other case, in {@link #order()}, one case per {@link #room} at a time, each inside
     * its room's {@link GrantLedger.Reservation}.
     */
    interface Shared<C extends Case> {

        /** The order in which the cases are decided, so that the result does not depend on the input's order. */
        Comparator<C> order();

        /** Cases with equal rooms read and change the same sums in the ledger; they are decided one after another. */
        String room(C aCase);

        /** Takes the case's room in {@code ledger}: its sums so far, and its stored decision if it was decided before. */
        GrantLedger.Reservation reserve(C aCase, GrantLedger ledger);

        /** The facts that say what counts against the case from before it: the room's sums and what the case itself declares. */
        List<Object> prior(C aCase, GrantLedger.Reservation room);
    }
}
