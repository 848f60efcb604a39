package se.forebygg.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Opens a command's input file ({@code -} is standard input), with a progress bar where it helps. */
final class Inputs {
    /** Inputs smaller than this finish before a progress bar would be worth drawing. */
    private static final long LARGE_INPUT_BYTES = 1L << 20;

    private Inputs() {
    }

    /** An open input; closing it closes the progress bar too. */
    record Opened(Reader reader, ProgressBar progress) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            reader.close();
            if (progress != null) {
                progress.close();
            }
        }
    }

    static Opened open(String file, String task) throws IOException {
        return open(file, task, null);
    }

    /** As {@link #open(String, String)}, and every byte read goes through {@code digest} too (when not null). */
    static Opened open(String file, String task, MessageDigest digest) throws IOException {
        if ("-".equals(file)) {
            InputStream in = digest == null ? System.in : new DigestInputStream(System.in, digest);
            return new Opened(new InputStreamReader(in, StandardCharsets.UTF_8), null);
        }
        Path path = Path.of(file);
        long size = Files.size(path);
        InputStream in = Files.newInputStream(path);
        if (digest != null) {
            in = new DigestInputStream(in, digest);
        }
        ProgressBar bar = null;
        if (size >= LARGE_INPUT_BYTES && stderrIsTerminal()) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(size).setUnit(" MiB", 1L << 20)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            ProgressBar b = bar;
            in = new Counting(in, b::stepBy);
        }
        return new Opened(new InputStreamReader(in, StandardCharsets.UTF_8), bar);
    }

    /** True when standard error is a terminal (Linux and macOS; false where it cannot be told). */
    static boolean stderrIsTerminal() {
        if (System.getenv("CI") != null) {
            return false;
        }
        try {
            String target = Path.of("/proc/self/fd/2").toRealPath().toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static final class Counting extends FilterInputStream {
        private final LongConsumer onRead;

        Counting(InputStream in, LongConsumer onRead) {
            super(in);
            this.onRead = onRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                onRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                onRead.accept(n);
            }
            return n;
        }
    }
}
