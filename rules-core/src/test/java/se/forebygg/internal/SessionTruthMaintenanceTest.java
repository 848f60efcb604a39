package se.forebygg.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.junit.jupiter.api.Test;

class SessionTruthMaintenanceTest {

    /**
     * Drools takes the lock-free lookup over its own: the service file names it and its priority is higher.
     * (Whether decisions are the same with it on many threads: rules-drl's ConcurrencyTest and the thread
     * properties, which run with it.)
     */
    @Test
    void droolsLoadsItInPlaceOfItsOwn() {
        assertInstanceOf(SessionTruthMaintenance.class, TruthMaintenanceSystemFactory.get());
    }
}
