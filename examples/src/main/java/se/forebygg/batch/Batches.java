package se.forebygg.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.json.CaseReader;

/**
 * Decides the cases of one input the way the contract asks: every good case in a single
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
        List<Case> cases = new ArrayList<>(entries.size());
        for (CaseReader.Entry entry : entries) {
            cases.add(entry.isCase() ? entry.value() : null);
        }
        Object[] results = new Object[entries.size()];
        List<Decision> decisions = decideCases(engine, cases, (i, problem) -> results[i] = entries.get(i).errorFor(problem));
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = entries.get(i).isCase() ? decisions.get(i) : entries.get(i).error();
            }
        }
        return Arrays.asList(results);
    }

    /** What {@link #decideCases} does with a case the engine refuses. */
    public interface Refusal {
        void refused(int index, InvalidCaseException problem);
    }

    /**
     * Decides the non-null {@code cases} together; the result has a decision at each of their
     * positions and null at the others and at the positions of cases the engine refuses (which are
     * passed to {@code refusal}).
     */
    public static List<Decision> decideCases(Forebygg engine, List<Case> cases, Refusal refusal) {
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i) != null) {
                good.add(i);
            }
        }
        List<Decision> decisions;
        try {
            decisions = engine.evaluateAll(casesAt(cases, good));
        } catch (InvalidCaseException batchFailed) {
            // Rare: find which cases the engine refuses on their own, then decide the rest together.
            List<Integer> accepted = new ArrayList<>();
            for (int i : good) {
                try {
                    engine.evaluate(cases.get(i));
                    accepted.add(i);
                } catch (InvalidCaseException e) {
                    refusal.refused(i, e);
                }
            }
            good = accepted;
            decisions = engine.evaluateAll(casesAt(cases, good));
        }
        Decision[] result = new Decision[cases.size()];
        for (int k = 0; k < good.size(); k++) {
            result[good.get(k)] = decisions.get(k);
        }
        return Arrays.asList(result);
    }

    private static List<Case> casesAt(List<Case> cases, List<Integer> positions) {
        List<Case> selected = new ArrayList<>(positions.size());
        for (int i : positions) {
            selected.add(cases.get(i));
        }
        return selected;
    }
}
