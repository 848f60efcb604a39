package se.forebygg.provider;

import java.util.List;
import se.forebygg.engine.Calculation;

/** The figures behind a provider approval: which required roles are there, how many others. */
public record ProviderCalculation(boolean physician, boolean nurse, List<Competence> otherCompetences,
                                  int otherCompetencesRequired) implements Calculation {
    public ProviderCalculation {
        otherCompetences = List.copyOf(otherCompetences);
    }
}
