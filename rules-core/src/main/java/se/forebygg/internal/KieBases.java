package se.forebygg.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/** Builds the knowledge base from a container, shipped or compiled at run time, with one configuration. Not API. */
public final class KieBases {
    /** The knowledge base of each compilation of a rules folder that succeeded, for as long as the compilation lives. */
    private static final Map<Object, KieBase> COMPILED = Collections.synchronizedMap(new WeakHashMap<>());

    private KieBases() {
    }

    /** Keeps {@code kieBase} as what {@code compilation} (a rules folder's, which must not show it) built. */
    public static void remember(Object compilation, KieBase kieBase) {
        COMPILED.put(compilation, kieBase);
    }

    /** The knowledge base {@code compilation} built; throws when it built none. */
    public static KieBase compiled(Object compilation) {
        KieBase base = COMPILED.get(compilation);
        if (base == null) {
            throw new IllegalArgumentException("these rules did not compile");
        }
        return base;
    }

    /**
     * The default knowledge base of {@code container} (its kmodule.xml's {@code default="true"} kbase,
     * so that the name is written only there), without sharing of beta (join and
     * accumulate) nodes between rules. With sharing, Drools 10.2.0's executable model joined the grant's
     * ARS-5 accumulate to a wrong input once the preventive package held 18 rules: every grant's
     * covered cost came out 0 kr (RuleFolderTest and the shipped grant scenarios after a clean build
     * show it). Alpha nodes are still shared. Null when the container has no knowledge base at all.
     */
    public static KieBase of(KieContainer container) {
        if (container.getKieBaseNames().isEmpty()) {
            return null;
        }
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setProperty("drools.shareBetaNodes", "false");
        return container.newKieBase(configuration);
    }
}
