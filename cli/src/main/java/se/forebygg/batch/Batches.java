package se.forebygg.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.forebygg.audit.AuditLog;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;

/**
 * Decides the cases of one input the way the contract asks: every good case in a single
 * {@link Forebygg#evaluateAll} call (so cases evaluated together see each other, e.g. yearly caps),
 * every bad one replaced by its error object, results in input order.
 */
public final class Batches {
    private Batches() {
    }

    /** As {@link #decide(Forebygg, GrantLedger, List)}, with a ledger that starts empty. */
    public static List<Object> decide(Forebygg engine, List<CaseReader.Entry> entries) {
        return decide(engine, new InMemoryGrantLedger(), entries);
    }

    /**
     * One result per entry, in input order: a {@link Decision} or a {@link se.forebygg.json.CaseError}.
     * A case that parses but that the engine refuses (e.g. a date outside the parameter table) becomes
     * an error in its place; the others are still decided together.
     */
    public static List<Object> decide(Forebygg engine, GrantLedger ledger, List<CaseReader.Entry> entries) {
        List<Case> cases = new ArrayList<>(entries.size());
        for (CaseReader.Entry entry : entries) {
            cases.add(entry.isCase() ? entry.value() : null);
        }
        Object[] results = new Object[entries.size()];
        Decision[] decisions = engine.evaluateAll(cases, ledger, (i, problem) -> results[i] = entries.get(i).errorFor(problem));
        for (int i = 0; i < results.length; i++) {
            if (!entries.get(i).isCase()) {
                results[i] = entries.get(i).error();
            } else if (decisions[i] != null) {
                results[i] = decisions[i];
            }
        }
        return Arrays.asList(results);
    }

    /**
     * As {@link #decide(Forebygg, GrantLedger, List)} with {@code audit}'s ledger, every decision in the
     * audit log: a grant's line written before its commit (by {@link AuditLog#ledger()}), the others' after.
     */
    public static List<Object> decide(Forebygg engine, AuditLog audit, List<CaseReader.Entry> entries) throws IOException {
        List<Object> results = decide(engine, audit.ledger(), entries);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Decision decision) {
                audit.record(entries.get(i).value(), decision);
            }
        }
        return results;
    }
}
