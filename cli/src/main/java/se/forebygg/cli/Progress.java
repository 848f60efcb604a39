package se.forebygg.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * How far a long command has got, on standard error: a progress bar when standard error is a terminal
 * (and the input is large enough to be worth one), otherwise a plain line every {@link #EVERY_NANOS}
 * (so a log or a CI job shows a long run moving), and nothing at all for a run shorter than that.
 * Progress is counted in bytes of input read; {@link #phase} names a step that reads nothing (deciding
 * the grant applications held for their order).
 */
final class Progress implements AutoCloseable {
    /** A plain line at most this often: every 10 seconds. */
    static final long EVERY_NANOS = 10_000_000_000L;
    /** Inputs smaller than this finish before a progress bar would be worth drawing. */
    static final long LARGE_INPUT_BYTES = 1L << 20;
    private static final double MIB = 1 << 20;

    private final String task;
    private final long total;
    private final PrintStream err;
    private final LongSupplier clock;
    private final ProgressBar bar;
    private final long start;
    private long read;
    private long lastLine;
    private boolean spoke;
    private boolean finished;

    Progress(String task, long totalBytes, boolean terminal, PrintStream err, LongSupplier clock) {
        this.task = task;
        this.total = totalBytes;
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
        this.bar = terminal && totalBytes >= LARGE_INPUT_BYTES
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes).setUnit(" MiB", 1L << 20)
                        .setConsumer(new ConsoleProgressBarConsumer(err)).build()
                : null;
    }

    /** For {@code task} reading {@code totalBytes} (negative when unknown, as for standard input). */
    static Progress of(String task, long totalBytes) {
        return new Progress(task, totalBytes, Inputs.stderrIsTerminal(), System.err, System::nanoTime);
    }

    /** {@code bytes} more of the input read. */
    void advance(long bytes) {
        read += bytes;
        if (bar != null) {
            bar.stepBy(bytes);
            return;
        }
        long now = clock.getAsLong();
        if (now - lastLine >= EVERY_NANOS) {
            lastLine = now;
            line(total > 0 ? String.format("%d %% of %.0f MiB read", Math.min(100, read * 100 / total), total / MIB)
                    : String.format("%.0f MiB read", read / MIB));
        }
    }

    /** A step that reads no input begins: named in the bar, or in a line when the run is already long. */
    void phase(String what) {
        if (bar != null) {
            bar.setExtraMessage(" " + what);
        } else if (clock.getAsLong() - start >= EVERY_NANOS) {
            line(what);
        }
    }

    private void line(String what) {
        spoke = true;
        err.printf("forebygg %s: %s, %d s%n", task, what, (clock.getAsLong() - start) / 1_000_000_000L);
    }

    /** The command did all it had to: closing says "done" (otherwise "stopped", as after a failure). */
    void finished() {
        finished = true;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (spoke) {
            line(finished ? "done" : "stopped");
        }
    }
}
