package se.forebygg.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.engine.Result;
import se.forebygg.ledger.InMemoryGrantLedger;

/**
 * Valid cases mutated at random — fields dropped, duplicated or given another JSON type, bytes
 * corrupted, lines cut — give, through the reader and the engine, a decision or an error object for
 * every case: never an exception.
 */
class MutatedInputPropertiesTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> VALID = List.of(
            "{\"type\":\"provider-approval\",\"caseId\":\"prv-1\",\"decisionDate\":\"2025-01-10\","
                    + "\"competences\":[\"PHYSICIAN\",\"NURSE\",\"WORK_ORGANISATION\",\"HEALTH_SCIENCE\",\"TECHNOLOGY\"]}",
            "{\"type\":\"preventive-sickness-benefit\",\"caseId\":\"psb-1\",\"step\":\"COMPENSATION\","
                    + "\"decisionDate\":\"2025-03-20\",\"insured\":{\"annualIncome\":420000,\"occupation\":\"EMPLOYED\",\"annualWorkingHours\":2080},"
                    + "\"risk\":{\"expectedWorkCapacityReduction\":0.5},\"plan\":{\"kind\":\"MEDICAL_TREATMENT\","
                    + "\"purpose\":\"PREVENT_ILLNESS\",\"orderedByPhysician\":true,\"approvedByAgency\":true,\"sessions\":6},"
                    + "\"claim\":{\"days\":[{\"date\":\"2025-03-10\",\"treatmentMinutes\":90,\"preparationMinutes\":0,"
                    + "\"travelMinutes\":40,\"normalWorkingMinutes\":480},{\"date\":\"2025-03-11\",\"treatmentMinutes\":300,"
                    + "\"preparationMinutes\":30,\"travelMinutes\":40,\"normalWorkingMinutes\":480}]}}",
            "{\"type\":\"preventive-sickness-benefit\",\"caseId\":\"psb-2\",\"step\":\"PLAN_APPROVAL\","
                    + "\"decisionDate\":\"2025-02-14\",\"insured\":{\"annualIncome\":10000,\"occupation\":\"UNEMPLOYED\"},"
                    + "\"risk\":{\"expectedWorkCapacityReduction\":0.25},\"plan\":{\"kind\":\"MEDICAL_REHABILITATION\","
                    + "\"purpose\":\"SHORTEN_ILLNESS\",\"orderedByPhysician\":true,\"approvedByAgency\":false,\"sessions\":2}}",
            "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-1\",\"employerId\":\"556000-0019\","
                    + "\"employeeId\":\"19600118-1004\",\"employeeCondition\":\"AT_RISK_OF_REDUCED_WORK_CAPACITY\","
                    + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
                    + "\"performedOn\":\"2025-04-02\",\"amountPaid\":8000},{\"kind\":\"PLAN\",\"performedOn\":\"2025-04-20\","
                    + "\"amountPaid\":6000.50}],\"submittedOn\":\"2025-09-01\",\"alreadyGranted\":{\"employee\":1000,"
                    + "\"employer\":5000}}");
    static final List<JsonNode> ODD_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("2025-02-30"),
            JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1e308),
            JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1234567890123456789012345678901234567890.5")),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.numberNode(0.1),
            JsonNodeFactory.instance.textNode("EMPLOYED"), JsonNodeFactory.instance.textNode("\u0000\uFEFF"));

    @Property(tries = 400)
    void aMutatedInputGivesDecisionsAndErrorObjectsNeverAnException(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int cases = 1 + random.nextInt(4);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            input.append(mutate(VALID.get(random.nextInt(VALID.size())).replace("\"caseId\":\"",
                    "\"caseId\":\"" + i + "-"), random)).append('\n');
        }
        String text = random.nextInt(5) == 0 ? corrupt(input.toString(), random) : input.toString();
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(text))) {
            reader.forEachRemaining(inputs::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<Result> results = ENGINE.decideAll(inputs, new InMemoryGrantLedger());
        assertThat(results).as(text).isNotEmpty().hasSameSizeAs(inputs);
        results.stream().filter(Result.Refused.class::isInstance).map(Result.Refused.class::cast).forEach(e -> {
            assertThat(e.isBadInput()).as(text).isTrue();
            assertThat(e.path()).as(text).startsWith("$");
            assertThat(e.message()).as(text).isNotBlank();
        });
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** One to three structural mutations of a valid case, as one JSON line (or a raw-text duplication). */
    private static String mutate(String valid, Random random) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(valid);
            int n = 1 + random.nextInt(3);
            boolean duplicateKey = false;
            for (int i = 0; i < n; i++) {
                List<ContainerField> fields = new ArrayList<>();
                collect(root, fields);
                ContainerField f = fields.get(random.nextInt(fields.size()));
                switch (random.nextInt(4)) {
                    case 0 -> f.remove();
                    case 1 -> f.set(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                    case 2 -> f.set(f.value().deepCopy()); // unchanged this time; duplication below
                    default -> duplicateKey = true;
                }
            }
            String line = JSON.writeValueAsString(root);
            if (duplicateKey) {
                line = line.replaceFirst("\\{\"type\":", "{\"caseId\":\"dup\",\"type\":");
            }
            return line;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final String NOISE = "{}[]\",:\\\n0-e\uFEFF\u0000x";

    private static String corrupt(String text, Random random) {
        char[] chars = text.toCharArray();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n && chars.length > 0; i++) {
            chars[random.nextInt(chars.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
        }
        String corrupted = new String(chars);
        return random.nextBoolean() ? corrupted : corrupted.substring(0, random.nextInt(corrupted.length() + 1));
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record ContainerField(JsonNode container, String name, int index) {
        JsonNode value() {
            return name != null ? container.get(name) : container.get(index);
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) container).remove(name);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) container).set(name, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerField> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                out.add(new ContainerField(node, name, -1));
                collect(node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new ContainerField(node, null, i));
                collect(node.get(i), out);
            }
        }
    }
}
