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

/** Opens a command's input file ({@code -} is standard input), counting its progress ({@link Progress}). */
final class Inputs {
    private Inputs() {
    }

    /** An open input and how far it has been read; closing it ends the progress too. */
    record Opened(Reader reader, Progress progress) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            reader.close();
            progress.close();
        }
    }

    static Opened open(String file, String task) throws IOException {
        return open(file, task, null);
    }

    /** As {@link #open(String, String)}, and every byte read goes through {@code digest} too (when not null). */
    static Opened open(String file, String task, MessageDigest digest) throws IOException {
        if ("-".equals(file)) {
            return opened(System.in, Progress.of(task, -1), digest);
        }
        Path path = readable(file, "a file of cases");
        return opened(Files.newInputStream(path), Progress.of(task, Files.size(path)), digest);
    }

    private static Opened opened(InputStream raw, Progress progress, MessageDigest digest) {
        InputStream in = new Counting(raw, progress::advance);
        if (digest != null) {
            in = new DigestInputStream(in, digest);
        }
        return new Opened(new InputStreamReader(in, StandardCharsets.UTF_8), progress);
    }

    /**
     * {@code file} as a path, when it names a readable regular file; else a {@link UserMistake} naming it and
     * saying what is wanted there ({@code wanted}, e.g. "a file of cases").
     */
    static Path readable(String file, String wanted) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new UserMistake("no such file: " + file + " (give " + wanted + (wanted.contains("cases")
                    ? ", or '-' for standard input)" : ")"));
        }
        if (Files.isDirectory(path)) {
            throw new UserMistake(file + " is a directory: give " + wanted + " in it");
        }
        if (!Files.isReadable(path)) {
            throw new UserMistake("cannot read " + file + ": permission denied");
        }
        return path;
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
