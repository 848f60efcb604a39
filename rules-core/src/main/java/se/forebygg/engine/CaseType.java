package se.forebygg.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** The contract's case types, written as their JSON {@code type} value. */
public enum CaseType {
    PREVENTIVE_SICKNESS_BENEFIT("preventive-sickness-benefit"),
    WORKPLACE_REHABILITATION_GRANT("workplace-rehabilitation-grant"),
    PROVIDER_APPROVAL("provider-approval");

    private final String id;

    CaseType(String id) {
        this.id = id;
    }

    /** The JSON value, e.g. {@code preventive-sickness-benefit}. */
    @JsonValue
    public String id() {
        return id;
    }
}
