package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.forebygg.Forebygg;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.InMemoryGrantLedger;

/**
 * Clients that try to stop the service: slow ones, huge bodies, requests whose decision hangs or runs
 * out of memory. Bounds on time are generous (a broken server would hang, not be a little slow); the
 * figures measured are printed.
 */
class DecisionServerAbuseTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final long LIMIT = 64 * 1024;
    static final long HUGE = 200L << 20;
    static Forebygg engine;

    @BeforeAll
    static void engine() {
        engine = Forebygg.create();
    }

    static HttpResponse<String> get(DecisionServer server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest post(DecisionServer server, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/decisions"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static Socket connect(DecisionServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(20_000); // a socket the server never closes fails the test instead of hanging it
        return socket;
    }

    /** Everything the server sends until it closes the connection; fails when it is still open after 20 s. */
    static String readToClose(Socket socket) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 20 s; it sent: " + got, e);
        } catch (IOException e) {
            // A reset after the answer also ends the connection.
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void slowClientsNeitherStopTheServiceNorStayConnected() throws Exception {
        Duration readTimeout = Duration.ofSeconds(2);
        try (DecisionServer server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0)
                .readTimeout(readTimeout).start()) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket socket = connect(server);
                String start = i % 2 == 0
                        ? "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " // half a header
                        : "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{"; // half a body
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long start = System.nanoTime();
            // A byte every 200 ms to every slow socket: never idle, never done.
            Thread dribbler = new Thread(() -> {
                boolean[] cut = new boolean[slow.size()];
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < slow.size(); i++) {
                        try {
                            if (!cut[i]) {
                                slow.get(i).getOutputStream().write(i % 2 == 0 ? 'a' : ' ');
                            }
                        } catch (IOException e) {
                            cut[i] = true;
                        }
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            dribbler.start();
            try {
                Thread.sleep(500);
                long asked = System.nanoTime();
                HttpResponse<String> health = get(server, "/health");
                long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
                assertEquals(200, health.statusCode(), health.body());
                assertTrue(healthMillis < 10_000, "health took " + healthMillis + " ms");
                HttpResponse<String> decided = CLIENT.send(post(server, Applications.grant("ars-1",
                        Applications.EMPLOYERS.get(0), Applications.EMPLOYEES.get(0), 4_000)), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, decided.statusCode(), decided.body());

                long lastCut = 0;
                for (int i = 0; i < slow.size(); i++) {
                    String answer = readToClose(slow.get(i));
                    lastCut = Math.max(lastCut, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    if (i % 2 == 1) {
                        assertTrue(answer.startsWith("HTTP/1.1 408 "), "half a body: " + answer);
                        assertTrue(answer.contains("{\"error\":{\"message\":\"the request did not arrive within 2 s\"}}"), answer);
                    } else {
                        assertEquals("", answer, "half a header: closed without an answer");
                    }
                }
                System.out.printf("20 slow clients held: /health answered in %d ms; all cut off %d ms after they began "
                        + "(read timeout %d ms)%n", healthMillis, lastCut, readTimeout.toMillis());
                assertTrue(lastCut < readTimeout.toMillis() + 15_000, "cut off after " + lastCut + " ms");
                HttpResponse<String> after = get(server, "/health");
                assertEquals(200, after.statusCode());
            } finally {
                dribbler.interrupt();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void connectionsAreCappedAndSilentOnesClosedAfterTheReadTimeout() throws Exception {
        Duration readTimeout = Duration.ofSeconds(2);
        try (DecisionServer server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0)
                .readTimeout(readTimeout).maxConnections(4).start()) {
            List<Socket> silent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                silent.add(connect(server));
            }
            long asked = System.nanoTime();
            HttpResponse<String> health = get(server, "/health");
            long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            assertEquals(200, health.statusCode());
            System.out.printf("4 silent connections at a cap of 4: /health waited %d ms for them to be closed%n",
                    healthMillis);
            // Not accepted while the cap was held; accepted once the silent ones were closed.
            assertTrue(healthMillis >= readTimeout.toMillis() / 2, "health after " + healthMillis + " ms");
            for (Socket socket : silent) {
                assertEquals("", readToClose(socket));
                socket.close();
            }
        }
    }

    /** What the server answered to a body it refused, and how much of the body had been sent by then. */
    record Refusal(String answer, long sentBeforeAnswer) {
    }

    /**
     * Many large bodies at once cannot run the service out of memory: past the budget of bodies in flight
     * (here two 64 KiB buffers) a further body gets 503 at once, and once the held ones are decided the
     * budget is free again.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bodiesTogetherPastTheBudgetAre503AndTheBudgetComesBack() throws Exception {
        try (DecisionServer server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0)
                .maxBodyBytes(LIMIT).maxBodyBytesInFlight(2 * LIMIT).start()) {
            String head = "POST /v1/decisions HTTP/1.1\r\nHost: test\r\nContent-Length: 60000\r\n\r\n";
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket socket = connect(server);
                OutputStream out = socket.getOutputStream();
                out.write((head + " ".repeat(1_000)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                held.add(socket);
            }
            Thread.sleep(500); // both first chunks read: both buffers taken
            try (Socket third = connect(server)) {
                OutputStream out = third.getOutputStream();
                out.write((head + " ".repeat(1_000)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readToClose(third);
                assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
                assertTrue(answer.contains("as many request bodies as it may (131072 bytes together)"), answer);
            }
            for (Socket socket : held) {
                socket.getOutputStream().write(" ".repeat(59_000).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String answer = readStatusLine(socket);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer); // read whole, decided: no case in it
                socket.close();
            }
            HttpResponse<String> after = CLIENT.send(post(server, "{\"type\":\"provider-approval\",\"caseId\":\"p\","
                    + "\"decisionDate\":\"2025-01-10\",\"competences\":[\"PHYSICIAN\"]}"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode(), after.body());
        }
    }

    /** The first line the server answers on {@code socket}. */
    static String readStatusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Streams up to {@code HUGE} bytes after {@code head} while reading the answer. */
    static Refusal streamHugeBody(DecisionServer server, String head, boolean chunked) throws Exception {
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                Arrays.fill(block, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < HUGE) {
                        if (chunked) {
                            out.write(chunkHead);
                        }
                        out.write(block);
                        if (chunked) {
                            out.write(crlf);
                        }
                        sent.addAndGet(block.length);
                    }
                } catch (IOException e) {
                    // The server closed the connection: what it was meant to do.
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            int first = in.read();
            long sentBeforeAnswer = sent.get();
            String rest = readToClose(socket);
            writer.join(20_000);
            return new Refusal(first < 0 ? "" : (char) first + rest, sentBeforeAnswer);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHugeBodyIsRefusedAfterLittleOfItIsRead() throws Exception {
        try (DecisionServer server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0)
                .maxBodyBytes(LIMIT).start()) {
            String post = "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n";
            Refusal streamed = streamHugeBody(server, post + "Transfer-Encoding: chunked\r\n\r\n", true);
            Refusal declared = streamHugeBody(server, post + "Content-Length: " + HUGE + "\r\n\r\n", false);
            System.out.printf("a 200 MB body over a %d byte limit: the 413 came after %d bytes sent (chunked), "
                    + "%d bytes (Content-Length)%n", LIMIT, streamed.sentBeforeAnswer(), declared.sentBeforeAnswer());
            for (Refusal refusal : List.of(streamed, declared)) {
                assertTrue(refusal.answer().startsWith("HTTP/1.1 413 "), refusal.answer());
                assertTrue(refusal.answer().contains("the request body is larger than " + LIMIT + " bytes"), refusal.answer());
                assertTrue(refusal.answer().toLowerCase().contains("connection: close"), refusal.answer());
                // Reading it all would take the whole 200 MB: what was sent is the socket buffers' worth at most.
                assertTrue(refusal.sentBeforeAnswer() < HUGE / 4, "sent " + refusal.sentBeforeAnswer() + " bytes");
            }
            assertEquals(200, get(server, "/health").statusCode());
        }
    }

    /** A ledger that runs {@code onReserve} before each reservation (e.g. waits, or throws). */
    /** An in-memory ledger that runs {@code onReserve} before each reservation, withdrawal and look at a history. */
    static GrantLedger ledgerThat(Runnable onReserve) {
        GrantLedger inner = new InMemoryGrantLedger();
        return (GrantLedger) Proxy.newProxyInstance(GrantLedger.class.getClassLoader(), new Class<?>[] {GrantLedger.class},
                (proxy, method, args) -> {
                    if (List.of("reserve", "withdraw", "history").contains(method.getName())) {
                        onReserve.run();
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDecisionThatHangsGets503AfterTheRequestTimeoutWhileOthersAreServed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GrantLedger stuck = ledgerThat(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (DecisionServer server = DecisionServer.builder(engine, stuck).port(0)
                .requestTimeout(Duration.ofSeconds(1)).start()) {
            CompletableFuture<HttpResponse<String>> pending = CLIENT.sendAsync(post(server, Applications.grant("ars-1",
                    Applications.EMPLOYERS.get(0), Applications.EMPLOYEES.get(0), 4_000)), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get(server, "/health").statusCode());
            HttpResponse<String> response = pending.get(20, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(JSON.readTree(response.body()).get("error").get("message").asText()
                    .startsWith("the request was not decided within 1 s"), response.body());
        } finally {
            release.countDown();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runningOutOfMemoryOnOneRequestGets503WithABodyAndTheServiceGoesOn() throws Exception {
        boolean[] fail = {true};
        GrantLedger starved = ledgerThat(() -> {
            if (fail[0]) {
                throw new OutOfMemoryError("Java heap space (a test)");
            }
        });
        try (DecisionServer server = DecisionServer.builder(engine, starved).port(0).start()) {
            String application = Applications.grant("ars-1", Applications.EMPLOYERS.get(0), Applications.EMPLOYEES.get(0), 4_000);
            HttpResponse<String> response = CLIENT.send(post(server, application), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertArrayEquals(Problem.OUT_OF_MEMORY, response.body().getBytes(StandardCharsets.UTF_8));
            fail[0] = false;
            HttpResponse<String> next = CLIENT.send(post(server, application), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode(), next.body());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anyOtherFailureOfOneRequestGets500WithAnErrorBody() throws Exception {
        GrantLedger broken = ledgerThat(() -> {
            throw new IllegalStateException("a broken ledger (a test)");
        });
        try (DecisionServer server = DecisionServer.builder(engine, broken).port(0).start()) {
            HttpResponse<String> response = CLIENT.send(post(server, Applications.grant("ars-1",
                    Applications.EMPLOYERS.get(0), Applications.EMPLOYEES.get(0), 4_000)), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode(), response.body());
            assertEquals("internal failure: java.lang.IllegalStateException",
                    JSON.readTree(response.body()).get("error").get("message").asText());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCaseTheLedgerCouldNotHoldGets503AndTheOthersAreDecided() throws Exception {
        GrantLedger timingOut = ledgerThat(() -> {
            throw new UndecidedCaseException(UndecidedCaseException.Cause.LEDGER, "the room was not free in time (a test)",
                    null);
        });
        try (DecisionServer server = DecisionServer.builder(engine, timingOut).port(0).start()) {
            String provider = "{\"type\":\"provider-approval\",\"caseId\":\"prv-1\",\"decisionDate\":\"2025-01-10\","
                    + "\"competences\":[\"PHYSICIAN\",\"NURSE\",\"WORK_ORGANISATION\"]}";
            HttpResponse<String> response = CLIENT.send(post(server, provider + "\n" + Applications.grant("ars-1",
                    Applications.EMPLOYERS.get(0), Applications.EMPLOYEES.get(0), 4_000)), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            String[] lines = response.body().split("\n");
            assertTrue(JSON.readTree(lines[0]).has("outcome"), lines[0]);
            assertEquals("ledger", JSON.readTree(lines[1]).get("error").get("cause").asText(), lines[1]);
        }
    }
}
