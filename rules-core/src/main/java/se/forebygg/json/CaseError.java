package se.forebygg.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What stands in a decision's place for a case that is bad input:
 * {@code {"caseId": …, "error": {"line": …, "path": …, "message": …}}}; for a case that could not be
 * decided for a reason outside its input ({@link se.forebygg.engine.UndecidedCaseException}) the error
 * also says {@code "cause": "rules"} or {@code "cause": "ledger"}.
 *
 * @param caseId null when it cannot be read
 */
@JsonPropertyOrder({"caseId", "error"})
public record CaseError(String caseId, Detail error) {

    public CaseError(String caseId, Integer line, String path, String message) {
        this(caseId, new Detail(line, path, message, null));
    }

    /** True when the input is at fault; false when the case could not be decided for another cause. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBadInput() {
        return error.cause() == null;
    }

    /**
     * @param line 1-based line in the input, null when unknown
     * @param path JSON path inside the case, {@code $} being the case
     * @param cause null for bad input; {@code rules} or {@code ledger} when the case was not decided
     *              for that cause (see {@link se.forebygg.engine.UndecidedCaseException.Cause})
     */
    @JsonPropertyOrder({"line", "path", "message", "cause"})
    public record Detail(Integer line, String path, String message,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String cause) {
    }
}
