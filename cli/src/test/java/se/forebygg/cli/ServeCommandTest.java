package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forebygg serve} refuses what it cannot do safely or at all, as a user error (64) that says what to change. */
class ServeCommandTest {

    @Test
    void beyondLoopbackWithoutATokenIsRefused() {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "serve", "--host", "0.0.0.0", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.status(), run.err());
        assertTrue(run.err().startsWith("forebygg: --host 0.0.0.0 listens beyond this machine"), run.err());
        assertTrue(run.err().contains("add --token-file FILE (or set FOREBYGG_SERVE_TOKEN), or --insecure"), run.err());
    }

    @Test
    void aTakenPortIsAUserErrorNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "serve", "--port", "" + taken.getLocalPort());
            assertEquals(ExitCodes.USAGE, run.status(), run.err());
            assertEquals("forebygg: port " + taken.getLocalPort() + " is in use; choose another with --port",
                    run.err().strip(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void aMissingTokenFileIsAUserError(@TempDir Path dir) {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "serve", "--token-file",
                dir.resolve("absent").toString(), "--port", "0");
        assertEquals(ExitCodes.USAGE, run.status(), run.err());
        assertTrue(run.err().startsWith("forebygg: cannot read --token-file "), run.err());
    }
}
