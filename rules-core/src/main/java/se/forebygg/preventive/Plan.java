package se.forebygg.preventive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import se.forebygg.internal.checks.Require;

/**
 * The treatment plan.
 *
 * @param purpose null when the plan states none (PSB-2 then rejects)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(PlanKind kind, Purpose purpose,
                   @JsonProperty(required = true) boolean orderedByPhysician,
                   @JsonProperty(required = true) boolean approvedByAgency,
                   @JsonProperty(required = true) int sessions) {
    public Plan {
        Require.present(kind, "kind");
        Require.nonNegative(sessions, "sessions");
    }
}
