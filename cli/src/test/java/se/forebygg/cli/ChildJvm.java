package se.forebygg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code forebygg} in a JVM of its own, for tests that kill it, run several at once or need a second process. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * {@code forebygg ARGS} on this test's class path, working in {@code dir}, standard error to a new file
     * there; standard output is a pipe unless the caller redirects it.
     */
    static ProcessBuilder forebygg(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile());
    }
}
