package se.forebygg;

import se.forebygg.engine.Case;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;

/**
 * The caseId a fact in a session belongs to: cases and every fact the rules infer are records with a
 * {@code caseId} component; shared facts (parameter sets, claimed days) have none.
 */
final class CaseIds {
    private static final ClassValue<MethodHandle> ACCESSOR = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("caseId") && c.getType() == String.class) {
                    try {
                        return MethodHandles.publicLookup().unreflect(c.getAccessor());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }
    };

    private CaseIds() {
    }

    /** The fact's caseId, or null for a fact shared by all cases. */
    static String of(Object fact) {
        if (fact instanceof Case c) {
            return c.caseId();
        }
        MethodHandle accessor = ACCESSOR.get(fact.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (String) accessor.invoke(fact);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read caseId of " + fact.getClass().getName(), e);
        }
    }
}
