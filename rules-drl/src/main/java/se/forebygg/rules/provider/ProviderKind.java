package se.forebygg.rules.provider;

import se.forebygg.provider.Competence;
import se.forebygg.provider.ProviderApprovalCase;
import se.forebygg.provider.ProviderCalculation;

import java.math.BigDecimal;
import java.util.List;
import se.forebygg.engine.Calculation;
import se.forebygg.spi.Benefit;
import se.forebygg.spi.Dates;
import se.forebygg.spi.Facts;
import java.util.Comparator;
import se.forebygg.parameters.Parameters;

/** Facts and calculation of a provider approval. Not API. */
public final class ProviderKind implements Benefit<ProviderApprovalCase> {

    @Override
    public Class<ProviderApprovalCase> caseClass() {
        return ProviderApprovalCase.class;
    }

    @Override
    public Class<ProviderParameters> parameterRecord() {
        return ProviderParameters.class;
    }

    @Override
    public List<Object> facts(ProviderApprovalCase c, Parameters parameters) {
        return List.of(c, Dates.parametersOn(parameters, ProviderParameters.class, c.decisionDate(), "$.decisionDate"));
    }

    @Override
    public Calculation calculation(ProviderApprovalCase c, Facts facts) {
        int required = facts.all(ProviderParameters.class, Comparator.comparing(ProviderParameters::from)).get(0)
                .providerMinimumOtherCompetences();
        return new ProviderCalculation(c.has(Competence.PHYSICIAN), c.has(Competence.NURSE),
                List.copyOf(c.otherCompetences()), required);
    }

    @Override
    public BigDecimal amount(ProviderApprovalCase c, Calculation calculation) {
        return BigDecimal.ZERO;
    }
}
