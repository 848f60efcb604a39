package se.forebygg.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.common.TruthMaintenanceSystem;
import org.drools.tms.TruthMaintenanceSystemFactoryImpl;
import org.drools.tms.TruthMaintenanceSystemImpl;

/**
 * Drools' truth maintenance for each session, found without a lock. Not API; Drools loads it as a service
 * ({@code META-INF/services/org.drools.core.common.TruthMaintenanceSystemFactory}), in place of its own by a
 * higher {@link #servicePriority()}.
 *
 * <p>Drools 10.2.0 keeps the truth maintenance of every session of the JVM in one
 * {@code Collections.synchronizedMap}, and looks a session's up there on every {@code insertLogical} and every
 * insert: sessions deciding on two threads at once took turns at that one lock (Java Flight Recorder, two
 * threads, two runs of 100 000 cases: 75 waits of over 0.1 ms, 239 ms in all). Here the lookup is a
 * {@link ConcurrentHashMap} read. What is kept and when it is dropped is Drools' own: an entry point's truth
 * maintenance is made at its first use and cleared when the session is reset or disposed. Entry points
 * compare by identity, as in Drools' map. (Drools' lookup by session goes through its default entry point to
 * the lookup below.)
 */
public final class SessionTruthMaintenance extends TruthMaintenanceSystemFactoryImpl {
    private final Map<InternalWorkingMemoryEntryPoint, TruthMaintenanceSystem> byEntryPoint = new ConcurrentHashMap<>();

    /** Above Drools' own (0), so that {@code KieService.load} takes this one. */
    @Override
    public int servicePriority() {
        return 1;
    }

    @Override
    public TruthMaintenanceSystem getOrCreateTruthMaintenanceSystem(InternalWorkingMemoryEntryPoint entryPoint) {
        TruthMaintenanceSystem found = byEntryPoint.get(entryPoint);
        return found != null ? found : byEntryPoint.computeIfAbsent(entryPoint, TruthMaintenanceSystemImpl::new);
    }

    @Override
    public void clearTruthMaintenanceSystem(InternalWorkingMemoryEntryPoint entryPoint) {
        TruthMaintenanceSystem removed = byEntryPoint.remove(entryPoint);
        if (removed != null) {
            removed.clear();
        }
    }

    @Override
    public int getEntryPointsMapSize() {
        return byEntryPoint.size();
    }

    @Override
    public void clearEntryPointsMap() {
        byEntryPoint.clear();
    }
}
