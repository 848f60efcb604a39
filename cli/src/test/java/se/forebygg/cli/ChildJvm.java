package se.forebygg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code forebygg} in a JVM of its own, for tests that kill it, run several at once or need a second process. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * {@code forebygg ARGS} on this test's class path, working in {@code dir}, standard error to a new file
     * there; standard output is a pipe unless the caller redirects it. Its temporary files go to {@code dir/tmp}
     * (a child killed on purpose cannot delete them; the test's directory goes with the test).
     */
    static ProcessBuilder forebygg(Path dir, String... args) {
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile());
    }
}
