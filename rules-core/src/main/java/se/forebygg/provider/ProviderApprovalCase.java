package se.forebygg.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.internal.checks.Require;

/** Approval of a provider of workplace rehabilitation support (F 2014:67 § 8, RiR 2021:19 ch. 2.1). */
@JsonPropertyOrder({"type", "caseId", "decisionDate", "competences"})
public record ProviderApprovalCase(String caseId, LocalDate decisionDate, List<Competence> competences)
        implements Case {

    public ProviderApprovalCase {
        Require.caseId(caseId);
        Require.present(decisionDate, "decisionDate");
        competences = Require.list(competences, "competences");
    }

    @Override
    public CaseType type() {
        return CaseType.PROVIDER_APPROVAL;
    }

    /** True when the provider has {@code competence} attached. */
    public boolean has(Competence competence) {
        return competences.contains(competence);
    }

    /** The distinct competences that count towards PRV-3's minimum. */
    public Set<Competence> otherCompetences() {
        Set<Competence> result = EnumSet.noneOf(Competence.class);
        competences.stream().filter(Competence::countsTowardsMinimum).forEach(result::add);
        return result;
    }

    /** How many distinct competences count towards PRV-3's minimum. */
    public int otherCompetenceCount() {
        return otherCompetences().size();
    }
}
