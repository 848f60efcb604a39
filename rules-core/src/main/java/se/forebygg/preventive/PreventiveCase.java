package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.internal.Require;

/**
 * A preventive-sickness-benefit case (förebyggande sjukpenning, SFB 27 kap. 6–7 §§) at one of its
 * two steps. {@code claim} is required at COMPENSATION and ignored at PLAN_APPROVAL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "caseId", "step", "decisionDate", "insured", "risk", "plan", "claim"})
public record PreventiveCase(String caseId, Step step, LocalDate decisionDate, Insured insured, Risk risk,
                             Plan plan, Claim claim) implements Case {

    public PreventiveCase {
        Require.nonEmpty(caseId, "caseId");
        Require.present(step, "step");
        Require.present(decisionDate, "decisionDate");
        Require.present(insured, "insured");
        Require.present(risk, "risk");
        Require.present(plan, "plan");
        if (step == Step.COMPENSATION && claim == null) {
            throw new InvalidCaseException("$.claim", "is required at step COMPENSATION");
        }
        if (step == Step.PLAN_APPROVAL) {
            claim = null;
        }
    }

    @Override
    public CaseType type() {
        return CaseType.PREVENTIVE_SICKNESS_BENEFIT;
    }

    /** The claimed days, empty at PLAN_APPROVAL. */
    public List<ClaimDay> claimedDays() {
        return claim == null ? List.of() : claim.days();
    }

    /** The dates whose parameters the decision reads: the decision date and every claimed day. */
    public List<LocalDate> parameterDates() {
        List<LocalDate> dates = new ArrayList<>();
        dates.add(decisionDate);
        claimedDays().forEach(d -> dates.add(d.date()));
        return dates;
    }
}
