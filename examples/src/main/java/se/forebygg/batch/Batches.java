package se.forebygg.batch;

import java.util.ArrayList;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.json.CaseReader;

/**
 * Decides the entries of one input the way the contract asks: every good case in a single
 * {@link Forebygg#evaluateAll} call (so cases evaluated together see each other, e.g. yearly caps),
 * every bad one replaced by its error object, results in input order.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * One result per entry, in input order: a {@link Decision} or a {@link se.forebygg.json.CaseError}.
     * A case that parses but that the engine refuses (e.g. a date outside the parameter table) becomes
     * an error, and the others are decided together without it.
     */
    public static List<Object> decide(Forebygg engine, List<CaseReader.Entry> entries) {
        Object[] results = new Object[entries.size()];
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isCase()) {
                good.add(i);
            } else {
                results[i] = entries.get(i).error();
            }
        }
        List<Decision> decisions;
        try {
            decisions = engine.evaluateAll(casesAt(entries, good));
        } catch (InvalidCaseException batchFailed) {
            // Rare: find which cases the engine refuses on their own, then decide the rest together.
            List<Integer> accepted = new ArrayList<>();
            for (int i : good) {
                try {
                    engine.evaluate(entries.get(i).value());
                    accepted.add(i);
                } catch (InvalidCaseException e) {
                    results[i] = entries.get(i).errorFor(e);
                }
            }
            good = accepted;
            decisions = engine.evaluateAll(casesAt(entries, good));
        }
        for (int k = 0; k < good.size(); k++) {
            results[good.get(k)] = decisions.get(k);
        }
        return List.of(results);
    }

    private static List<Case> casesAt(List<CaseReader.Entry> entries, List<Integer> positions) {
        List<Case> cases = new ArrayList<>(positions.size());
        for (int i : positions) {
            cases.add(entries.get(i).value());
        }
        return cases;
    }
}
