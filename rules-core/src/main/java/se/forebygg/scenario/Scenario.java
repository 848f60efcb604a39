package se.forebygg.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario of a scenario file: a named case in the contract's JSON shape and what its decision
 * must show, checked in the order written. Keys of {@code expect}: {@code outcome}, {@code amount}, {@code codes} (the reason codes,
 * in any order), and any path into the decision JSON such as {@code calculation.sgi[0].sgi}.
 *
 * @param file the scenario file
 * @param fileName how the file is named in reports (relative to the scenarios folder)
 */
public record Scenario(Path file, String fileName, String name, ObjectNode caseJson, Map<String, JsonNode> expect) {
    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caseJson, "caseJson");
        expect = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expect));
    }

    /** {@code preventive/sgi.yaml › "ceiling in 2022"} */
    public String title() {
        return fileName + " › \"" + name + "\"";
    }
}
