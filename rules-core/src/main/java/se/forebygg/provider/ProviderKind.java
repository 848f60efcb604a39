package se.forebygg.provider;

import java.math.BigDecimal;
import java.util.List;
import se.forebygg.engine.Calculation;
import se.forebygg.internal.CaseKind;
import se.forebygg.internal.Dates;
import se.forebygg.internal.Facts;
import java.util.Comparator;
import se.forebygg.parameters.ParameterSet;
import se.forebygg.parameters.Parameters;

/** Facts and calculation of a provider approval. Not API. */
public final class ProviderKind implements CaseKind<ProviderApprovalCase> {

    @Override
    public Class<ProviderApprovalCase> caseClass() {
        return ProviderApprovalCase.class;
    }

    @Override
    public List<Object> facts(ProviderApprovalCase c, Parameters parameters) {
        return List.of(c, Dates.parametersOn(parameters, c.decisionDate(), "$.decisionDate"));
    }

    @Override
    public Calculation calculation(ProviderApprovalCase c, Facts facts) {
        int required = facts.all(ParameterSet.class, Comparator.comparing(ParameterSet::from)).get(0)
                .providerMinimumOtherCompetences();
        return new ProviderCalculation(c.has(Competence.PHYSICIAN), c.has(Competence.NURSE),
                List.copyOf(c.otherCompetences()), required);
    }

    @Override
    public BigDecimal amount(ProviderApprovalCase c, Calculation calculation) {
        return BigDecimal.ZERO;
    }
}
