package se.forebygg.engine;

import se.forebygg.Forebygg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.testkit.CaseArbitraries;

/**
 * A batch decides many cases in one session; every decision, down to the calculation and the rules
 * fired, must be the one the case gets in a session of its own (grants in submission order).
 */
class BatchSessionTest {
    private static final Forebygg ENGINE = Forebygg.create();

    @Provide
    Arbitrary<List<Case>> mixedBatches() {
        return CaseArbitraries.anyCase().list().ofMinSize(1).ofMaxSize(60)
                .uniqueElements(Case::caseId);
    }

    @Property(tries = 200)
    void aBatchDecidesEachCaseAsIfItWereAlone(@ForAll("mixedBatches") List<Case> batch) {
        Decision[] alone = new Decision[batch.size()];
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        for (int i : se.forebygg.internal.Scheduler.inBatchOrder(batch)) {
            alone[i] = ENGINE.evaluate(batch.get(i), ledger);
        }
        assertThat(ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList()).isEqualTo(new ArrayList<>(List.of(alone)));
    }
}
