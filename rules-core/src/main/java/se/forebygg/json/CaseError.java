package se.forebygg.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What stands in a decision's place for a case that is bad input:
 * {@code {"caseId": …, "error": {"line": …, "path": …, "message": …}}}.
 *
 * @param caseId null when it cannot be read
 */
@JsonPropertyOrder({"caseId", "error"})
public record CaseError(String caseId, Detail error) {

    public CaseError(String caseId, Integer line, String path, String message) {
        this(caseId, new Detail(line, path, message));
    }

    /**
     * @param line 1-based line in the input, null when unknown
     * @param path JSON path inside the case, {@code $} being the case
     */
    @JsonPropertyOrder({"line", "path", "message"})
    public record Detail(Integer line, String path, String message) {
    }
}
