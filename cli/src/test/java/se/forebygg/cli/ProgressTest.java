package se.forebygg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress on standard error when it is no terminal: a plain line every 10 seconds, silence for a short run. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Progress progress(long total) {
        return new Progress("evaluate", total, false, new PrintStream(err, true, StandardCharsets.UTF_8), clock::get);
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aShortRunSaysNothing() {
        try (Progress p = progress(200L << 20)) {
            clock.addAndGet(9 * SECOND);
            p.advance(200L << 20);
            p.phase("deciding the 3 grant applications held for their order");
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    void aLongRunPrintsALineEveryTenSecondsThenItsPhaseAndTheEnd() {
        try (Progress p = progress(200L << 20)) {
            for (int s = 1; s <= 25; s++) {
                clock.addAndGet(SECOND);
                p.advance(8L << 20);
            }
            p.phase("input read; deciding the 88,000 grant applications held for their order");
            clock.addAndGet(5 * SECOND);
            p.finished();
        }
        assertThat(printed().lines()).containsExactly(
                "forebygg evaluate: 40 % of 200 MiB read, 10 s",
                "forebygg evaluate: 80 % of 200 MiB read, 20 s",
                "forebygg evaluate: input read; deciding the 88,000 grant applications held for their order, 25 s",
                "forebygg evaluate: done, 30 s");
    }

    /** A run that fails (out of memory, a disk full) does not end its progress with "done". */
    @Test
    void aRunThatDidNotFinishSaysItStopped() {
        try (Progress p = progress(200L << 20)) {
            clock.addAndGet(11 * SECOND);
            p.advance(8L << 20);
            clock.addAndGet(SECOND);
        }
        assertThat(printed().lines()).containsExactly(
                "forebygg evaluate: 4 % of 200 MiB read, 11 s",
                "forebygg evaluate: stopped, 12 s");
    }

    @Test
    void standardInputCountsWhatWasRead() {
        try (Progress p = progress(-1)) {
            clock.addAndGet(11 * SECOND);
            p.advance(30L << 20);
        }
        assertThat(printed().lines()).startsWith("forebygg evaluate: 30 MiB read, 11 s");
    }
}
