package se.forebygg.rules.provider;

import java.time.LocalDate;
import se.forebygg.parameters.Period;

/**
 * The provider approval's numbers as they stand over one period in which none of them changes, bound by
 * name from {@code se/forebygg/rules/provider/parameters.yaml} (each component but the period is a key
 * of that file).
 *
 * @param from first day this set holds
 * @param until last day this set holds
 */
public record ProviderParameters(
        LocalDate from,
        LocalDate until,
        int providerMinimumOtherCompetences) implements Period {

    /** Hashes by the period alone, as {@link se.forebygg.rules.preventive.PreventiveParameters#hashCode()}. */
    @Override
    public int hashCode() {
        return 31 * from.hashCode() + until.hashCode();
    }
}
