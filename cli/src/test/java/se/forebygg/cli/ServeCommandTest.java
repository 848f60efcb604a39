package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
            assertEquals("forebygg: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use "
                    + "(another process is using it; choose --port)", run.err().strip(), run.err());
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

    /** Every "cannot start" names host and port, says why and what to change, in one line without a stack trace. */
    @Test
    void everyCannotListenNamesHostAndPort() {
        for (List<String> args : List.of(
                List.of("--port", "70000"),
                List.of("--host", "no-such-host.invalid", "--port", "8081"),
                List.of("--host", "192.0.2.1", "--insecure", "--port", "8082"))) { // TEST-NET-1: no address of ours
            EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, Stream.concat(Stream.of("serve"), args.stream())
                    .toArray(String[]::new));
            String host = args.contains("--host") ? args.get(args.indexOf("--host") + 1) : "127.0.0.1";
            String port = args.get(args.indexOf("--port") + 1);
            assertEquals(ExitCodes.USAGE, run.status(), run.err());
            assertTrue(run.err().startsWith("forebygg: cannot listen on " + host + ":" + port + ": "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertEquals("forebygg: cannot listen on [::1]:8080: not an address of this machine (choose --host)",
                ServeCommand.cannotListen("::1", 8080, ServeCommand.why(new BindException("Cannot assign requested address"))));
        // Not reproducible here (the tests may run as root): a port below 1024 without the privilege.
        assertEquals("forebygg: cannot listen on 0.0.0.0:80: permission denied (ports below 1024 need privileges; "
                + "choose --port 1024 or above)",
                ServeCommand.cannotListen("0.0.0.0", 80, ServeCommand.why(new BindException("0.0.0.0:80: Permission denied"))));
    }

    /**
     * SIGTERM while a request is in flight (its body half sent): the process stops accepting connections,
     * finishes and answers that request, writes its access log line, and exits.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sigtermFinishesTheRequestInFlightThenExits(@TempDir Path dir) throws Exception {
        Path access = dir.resolve("access.log");
        Process serve = ChildJvm.forebygg(dir, "serve", "--port", "0", "--access-log", access.toString(),
                "--shutdown-timeout", "30").start();
        try {
            int port = servingPort(dir, serve);
            String body = "{\"type\":\"provider-approval\",\"caseId\":\"prv-sigterm\",\"decisionDate\":\"2025-01-10\","
                    + "\"competences\":[\"PHYSICIAN\",\"NURSE\",\"WORK_ORGANISATION\"]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/decisions HTTP/1.1\r\nHost: test\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, 10);
                out.flush();
                Thread.sleep(500); // the request is in the handler, reading its body
                serve.destroy(); // SIGTERM
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (true) {
                    try (Socket more = new Socket("127.0.0.1", port)) {
                        assertTrue(System.nanoTime() < deadline, "still accepting connections after SIGTERM");
                        Thread.sleep(50);
                    } catch (ConnectException refused) {
                        break;
                    }
                }
                assertTrue(serve.isAlive(), "waits for the request in flight");
                out.write(bytes, 10, bytes.length - 10);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
                assertTrue(answer.contains("\"caseId\":\"prv-sigterm\""), answer);
            }
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "exits once the request is answered");
            assertTrue(Files.readString(access).matches("(?s).* 127\\.0\\.0\\.1 POST /v1/decisions 200 \\d+ \\d+ms\n"),
                    Files.readString(access));
        } finally {
            serve.destroyForcibly();
        }
    }

    /** The port the child serves on, from its standard error. */
    static int servingPort(Path dir, Process serve) throws Exception {
        Pattern serving = Pattern.compile("serving decisions on http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1200 && serve.isAlive(); i++) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path err : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).toList()) {
                    Matcher m = serving.matcher(Files.readString(err));
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not start");
    }
}
