package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.internal.checks.Require;

/**
 * A preventive-sickness-benefit case (förebyggande sjukpenning, SFB 27 kap. 6–7 §§) at one of its
 * two steps. {@code claim} is required at COMPENSATION and ignored at PLAN_APPROVAL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "caseId", "step", "decisionDate", "insured", "risk", "plan", "claim"})
public record PreventiveCase(String caseId, Step step, LocalDate decisionDate, Insured insured, Risk risk,
                             Plan plan, Claim claim) implements Case {

    public PreventiveCase {
        Require.caseId(caseId);
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
        if (claim != null) {
            requireClaimableDays(claim, decisionDate);
            if (insured.occupation() == Occupation.EMPLOYED && insured.annualWorkingHours() == null) {
                throw new InvalidCaseException("$.insured.annualWorkingHours", "is required at step COMPENSATION"
                        + " for an EMPLOYED insured: an employee's days are paid by working time (SFB 28:13)");
            }
        }
    }

    /** IN-1: a day cannot be compensated before it has happened, so no claimed day lies after the decision. */
    private static void requireClaimableDays(Claim claim, LocalDate decisionDate) {
        List<ClaimDay> days = claim.days();
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).date().isAfter(decisionDate)) {
                throw new InvalidCaseException("$.claim.days[" + i + "].date", "date " + days.get(i).date()
                        + " is after the decision date " + decisionDate + ": only days that have passed can be claimed");
            }
        }
    }

    @Override
    public CaseType type() {
        return CaseType.PREVENTIVE_SICKNESS_BENEFIT;
    }

    /**
     * The hash of the caseId and step only (equal cases have equal ones; {@code equals} still compares every
     * component): the rules join a case's inferred facts to it by the case itself, and a hash over the whole
     * claim, day by day, was some 5 % of deciding a batch.
     */
    @Override
    public int hashCode() {
        return 31 * caseId.hashCode() + step.hashCode();
    }

    /** The claimed days, empty at PLAN_APPROVAL. */
    public List<ClaimDay> claimedDays() {
        return claim == null ? List.of() : claim.days();
    }

    /**
     * The dates whose SGI the decision reads (PSB-7a): at COMPENSATION every claimed day, each by its
     * own date; at PLAN_APPROVAL the decision date.
     */
    public List<LocalDate> sgiDates() {
        return claim == null ? List.of(decisionDate) : claim.days().stream().map(ClaimDay::date).toList();
    }
}
