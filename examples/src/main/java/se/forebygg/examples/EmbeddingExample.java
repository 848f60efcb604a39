package se.forebygg.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.preventive.Claim;
import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.Insured;
import se.forebygg.preventive.Occupation;
import se.forebygg.preventive.Plan;
import se.forebygg.preventive.PlanKind;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.preventive.Purpose;
import se.forebygg.preventive.Risk;
import se.forebygg.preventive.Step;

/**
 * A host application in a few lines: load the engine once, decide a case built in code and one read
 * from JSON, print what was decided and why. Run it with
 * {@code ./mvnw -q -B -DskipTests package -pl examples -am && java -cp examples/target/forebygg.jar se.forebygg.examples.EmbeddingExample}.
 */
public final class EmbeddingExample {

    public static void main(String[] args) throws Exception {
        // 1. Load rules and parameters once; the engine is immutable and safe to share between threads.
        Forebygg engine = Forebygg.create();

        // 2. A case built in code: compensation for two treatment days of a planned rehabilitation.
        Case inCode = new PreventiveCase("psb-in-code", Step.COMPENSATION, LocalDate.of(2025, 3, 20),
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED, 2080),
                new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 6),
                new Claim(List.of(
                        new ClaimDay(LocalDate.of(2025, 3, 10), 180, 30, 40, 480),
                        new ClaimDay(LocalDate.of(2025, 3, 17), 45, 0, 20, 480))));

        // 3. A case read from JSON, as a host receives it; a bad one would give an error naming its JSON path.
        String json = "{\"type\":\"provider-approval\",\"caseId\":\"prv-from-json\",\"decisionDate\":\"2025-01-10\","
                + "\"competences\":[\"PHYSICIAN\",\"NURSE\",\"WORK_ORGANISATION\"]}";
        List<Input> inputs = new ArrayList<>();
        inputs.add(Input.of(inCode));
        try (CaseReader reader = CaseReader.open(new StringReader(json))) {
            reader.forEachRemaining(inputs::add);
        }

        // 4. Decide them together (cases decided together count against each other's yearly caps): one
        //    result per input, in input order, a decision or a refusal (its JSON is the contract's error object).
        ObjectMapper mapper = ForebyggJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Result result : engine.decideAll(inputs)) {
            if (result instanceof Result.Refused refused) {
                System.out.println("Not decided: " + refused.caseId() + " at " + refused.path() + ": " + refused.message());
                continue;
            }
            Decision decision = result.orThrow();
            System.out.println(decision.caseId() + ": " + decision.outcome() + ", " + decision.amount() + " kr");
            for (Finding finding : decision.findings()) {
                System.out.println("  " + finding.severity() + " " + finding.code() + " (" + finding.rule() + ", "
                        + finding.legalReference() + "): " + finding.message());
            }
            System.out.println("  calculation: " + mapper.writeValueAsString(decision.calculation())
                    .replace("\n", "\n  "));
            System.out.println();
        }
    }
}
