package se.forebygg.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading ahead and writing behind keep the order, and a failure on either side stops the run and is thrown as it was. */
class PipelineTest {
    private static final List<Integer> THOUSAND = IntStream.range(0, 1000).boxed().toList();

    @ParameterizedTest(name = "on a thread of its own: {0}")
    @ValueSource(booleans = {false, true})
    void everyItemArrivesInTheOrderItWasMade(boolean ahead) throws IOException {
        List<Integer> taken = new ArrayList<>();
        Pipeline.<Integer>run(emit -> {
            for (int i : THOUSAND) {
                emit.accept(i);
            }
        }, taken::add, ahead, "test-producer");
        assertEquals(THOUSAND, taken);
    }

    @ParameterizedTest(name = "on a thread of its own: {0}")
    @ValueSource(booleans = {false, true})
    void aProducersFailureIsThrownAfterWhatItMadeBeforeIt(boolean ahead) {
        List<Integer> taken = new ArrayList<>();
        IOException thrown = assertThrows(IOException.class, () -> Pipeline.<Integer>run(emit -> {
            for (int i = 0; i < 10; i++) {
                emit.accept(i);
            }
            throw new IOException("the disk went away");
        }, taken::add, ahead, "test-producer"));
        assertEquals("the disk went away", thrown.getMessage());
        assertEquals(THOUSAND.subList(0, 10), taken);
    }

    @ParameterizedTest(name = "on a thread of its own: {0}")
    @ValueSource(booleans = {false, true})
    void aConsumersFailureStopsTheProducer(boolean ahead) {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Pipeline.<Integer>run(emit -> {
            for (int i = 0; ; i++) {
                emit.accept(i); // would never end
            }
        }, i -> {
            if (i == 5) {
                throw new IllegalStateException("the fifth is wrong");
            }
        }, ahead, "test-stopped-producer"));
        assertEquals("the fifth is wrong", thrown.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-stopped-producer")),
                "the producer's thread has ended when run returns");
    }

    /**
     * A producer blocked where an interrupt does not reach it (as a read of standard input that a pipe keeps
     * open): the consumer's failure is thrown after {@link Pipeline#LEAVE_AFTER_MILLIS}, not when the producer
     * next wakes; the producer is left, and stops at its next item.
     */
    @Test
    void aConsumersFailureIsThrownWhileTheProducerIsBlockedOutOfReach() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean emittedAfterRelease = new AtomicBoolean();
        AtomicReference<Thread> producer = new AtomicReference<>();
        IllegalStateException thrown = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IllegalStateException.class,
                () -> Pipeline.<Integer>run(emit -> {
                    producer.set(Thread.currentThread());
                    emit.accept(1);
                    blocked.countDown();
                    awaitUninterruptibly(release);
                    emit.accept(2);
                    emittedAfterRelease.set(true);
                }, i -> {
                    awaitUninterruptibly(blocked);
                    throw new IllegalStateException("the ledger went away");
                }, true, "test-blocked-producer")));
        assertEquals("the ledger went away", thrown.getMessage());
        assertTrue(producer.get().isAlive(), "the blocked producer was left, not waited for");
        release.countDown();
        producer.get().join(30_000);
        assertFalse(producer.get().isAlive(), "the producer stops at its next item");
        assertFalse(emittedAfterRelease.get(), "nothing is taken from it after the failure");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest(name = "behind: {0}")
    @ValueSource(booleans = {false, true})
    void writesAreDoneInTheOrderSubmitted(boolean behind) throws IOException {
        List<Integer> written = new ArrayList<>();
        try (Pipeline.Writes writes = Pipeline.writes(behind)) {
            for (int i : THOUSAND) {
                writes.submit(() -> written.add(i));
            }
            writes.drain();
            assertEquals(THOUSAND, written);
        }
    }

    @ParameterizedTest(name = "behind: {0}")
    @ValueSource(booleans = {false, true})
    void aFailedWriteIsThrownAndNothingAfterItIsWritten(boolean behind) {
        List<Integer> written = new ArrayList<>();
        try (Pipeline.Writes writes = Pipeline.writes(behind)) {
            IOException thrown = assertThrows(IOException.class, () -> {
                for (int i : THOUSAND) {
                    writes.submit(() -> {
                        if (i == 3) {
                            throw new IOException("standard output closed");
                        }
                        written.add(i);
                    });
                }
                writes.drain();
            });
            assertEquals("standard output closed", thrown.getMessage());
            if (behind) {
                assertThrows(IOException.class, writes::drain, "the failure stays");
            }
        }
        assertEquals(THOUSAND.subList(0, 3), written);
    }
}
