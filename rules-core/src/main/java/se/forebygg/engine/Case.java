package se.forebygg.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One case to decide: a preventive-sickness-benefit case, a workplace-rehabilitation-grant
 * application or a provider approval. Implementations are immutable records that validate
 * themselves on construction.
 */
public interface Case {

    /** Non-empty, unique within one input. */
    String caseId();

    /** The contract's {@code type}. */
    @JsonIgnore
    CaseType type();
}
