package se.forebygg.grant;

import com.fasterxml.jackson.annotation.JsonProperty;
import se.forebygg.internal.checks.Require;

/** The provider the employer paid (ARS-4: it must be approved by Försäkringskassan). */
public record GrantProvider(String id, @JsonProperty(required = true) boolean approvedByAgency) {
    public GrantProvider {
        Require.nonEmpty(id, "id");
    }
}
