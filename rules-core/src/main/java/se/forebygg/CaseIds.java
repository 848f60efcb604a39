package se.forebygg;

import se.forebygg.engine.Case;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.function.Function;

/**
 * The caseId a fact in a session belongs to: cases and every fact the rules infer are records with a
 * {@code caseId} component; shared facts (parameter sets, claimed days) have none.
 */
final class CaseIds {
    /** Reads the caseId of a fact of one class; absent for a class without one. */
    private static final ClassValue<Optional<Function<Object, String>>> ACCESSOR = new ClassValue<>() {
        @Override
        protected Optional<Function<Object, String>> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("caseId") && c.getType() == String.class) {
                    return Optional.of(reader(type, c));
                }
            }
            return Optional.empty();
        }
    };

    private CaseIds() {
    }

    /**
     * A function calling the record's accessor: a lambda class made for it (as fast as a direct call), or, when
     * the record is not public, a method handle (a few times slower; it is asked for every fact of a session).
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, String> reader(Class<?> type, RecordComponent caseId) {
        try {
            java.lang.reflect.Method method = caseId.getAccessor();
            boolean open = Modifier.isPublic(type.getModifiers());
            if (!open) {
                method.setAccessible(true); // a host's own record in a package of its own
            }
            MethodHandle accessor = MethodHandles.lookup().unreflect(method);
            if (open) {
                try {
                    return (Function<Object, String>) LambdaMetafactory.metafactory(MethodHandles.lookup(), "apply",
                            MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                            accessor, MethodType.methodType(String.class, type)).getTarget().invokeExact();
                } catch (Throwable e) {
                    // not reachable from here after all: the method handle below
                }
            }
            MethodHandle generic = accessor.asType(MethodType.methodType(String.class, Object.class));
            return fact -> {
                try {
                    return (String) generic.invokeExact(fact);
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read caseId of " + fact.getClass().getName(), e);
                }
            };
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fact's caseId, or null for a fact shared by all cases. */
    static String of(Object fact) {
        if (fact instanceof Case c) {
            return c.caseId();
        }
        Optional<Function<Object, String>> reader = ACCESSOR.get(fact.getClass());
        return reader.isEmpty() ? null : reader.get().apply(fact);
    }
}
