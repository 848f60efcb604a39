package se.forebygg.spark;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.forebygg.Forebygg;
import se.forebygg.parameters.Parameters;
import se.forebygg.simulate.ParameterChanges;

/**
 * One engine per JVM and parameter changes, built the first time a task asks for it and shared by every
 * task of that executor after it: loading the rules is the expensive part, the engine is safe to share
 * between threads.
 */
final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
    private static final ConcurrentMap<List<String>, Forebygg> ENGINES = new ConcurrentHashMap<>();

    private Engines() {
    }

    /** The shipped rules with the shipped parameters, each of {@code changes} ({@code PARAM=VALUE[@FROM]}) applied. */
    static Forebygg of(List<String> changes) {
        return ENGINES.computeIfAbsent(List.copyOf(changes), c -> {
            long start = System.nanoTime();
            Forebygg engine = Forebygg.builder().parameters(ParameterChanges.apply(Parameters.standard(), c)).build();
            LOG.info("engine {} ready in {} ms (parameter changes: {})", engine.rulesVersion(),
                    (System.nanoTime() - start) / 1_000_000, c.isEmpty() ? "none" : String.join(", ", c));
            return engine;
        });
    }
}
