package se.forebygg.internal;

import java.util.List;
import java.util.ServiceLoader;
import se.forebygg.engine.Case;
import se.forebygg.spi.Benefit;

/** The benefits registered in {@code META-INF/services/se.forebygg.spi.Benefit}, loaded once. Not API. */
public final class Benefits {
    private static final List<Benefit<?>> ALL = ServiceLoader.load(Benefit.class, Benefits.class.getClassLoader())
            .stream().<Benefit<?>>map(ServiceLoader.Provider::get).toList();

    private Benefits() {
    }

    /** The benefit that decides {@code aCase}, among those the rules modules on the class path register. */
    @SuppressWarnings("unchecked")
    public static Benefit<Case> of(Case aCase) {
        for (Benefit<?> benefit : ALL) {
            if (benefit.caseClass().isInstance(aCase)) {
                return (Benefit<Case>) benefit;
            }
        }
        throw new IllegalArgumentException("no rules for case type " + aCase.getClass().getName()
                + ": add rules-drl to the class path");
    }

    /** True when {@code aCase} counts against other cases through the ledger ({@link Benefit#shared()}). */
    public static boolean isShared(Case aCase) {
        return aCase != null && of(aCase).shared() != null;
    }
}
