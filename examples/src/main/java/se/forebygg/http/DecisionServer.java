package se.forebygg.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import se.forebygg.batch.Batches;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseError;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * The decision service over HTTP, on the JDK's own server:
 * <ul>
 * <li>{@code POST /v1/decisions}: one case, a JSON array or JSON Lines; decisions and error objects in
 *     input order (a JSON array for array input, JSON Lines otherwise). 200 when every case was decided,
 *     400 when some case was bad input (the others are still decided and returned).</li>
 * <li>{@code POST /v1/explanations}: the same input, answered in plain text ({@code ?lang=sv} for Swedish).</li>
 * <li>{@code GET /v1/schema/case}: the JSON Schema for cases.</li>
 * <li>{@code GET /health}: {@code {"status":"UP","rulesVersion":…}}.</li>
 * </ul>
 * A body over the size limit gets 413, an unknown path 404, a wrong method 405.
 */
public final class DecisionServer implements AutoCloseable {
    /** Default limit of a request body: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;
    private static final String CASE_SCHEMA = "/se/forebygg/schema/case.schema.json";
    private static final String JSON = "application/json";
    private static final String JSON_LINES = "application/x-ndjson";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<String, String> ROUTES = Map.of(
            "/v1/decisions", "POST",
            "/v1/explanations", "POST",
            "/v1/schema/case", "GET",
            "/health", "GET");

    private final HttpServer server;
    private final ExecutorService workers;
    private final Forebygg engine;
    private final long maxBodyBytes;
    private final ObjectMapper mapper = ForebyggJson.newMapper();

    private DecisionServer(HttpServer server, ExecutorService workers, Forebygg engine, long maxBodyBytes) {
        this.server = server;
        this.workers = workers;
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Starts serving on {@code host}:{@code port} ({@code port} 0 picks a free one; see {@link #port()}). */
    public static DecisionServer start(Forebygg engine, String host, int port, long maxBodyBytes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads());
        DecisionServer service = new DecisionServer(server, workers, engine, maxBodyBytes);
        server.createContext("/", service::handle);
        server.setExecutor(workers);
        server.start();
        return service;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = ROUTES.get(path);
            if (method == null) {
                send(exchange, 404, JSON, problem("no such resource: " + path));
                return;
            }
            if (!method.equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", method);
                send(exchange, 405, JSON, problem(exchange.getRequestMethod() + " is not allowed on " + path
                        + "; use " + method));
                return;
            }
            switch (path) {
                case "/health" -> send(exchange, 200, JSON, ForebyggJson.toLine(mapper,
                        Map.of("status", "UP", "rulesVersion", engine.rulesVersion())));
                case "/v1/schema/case" -> sendSchema(exchange);
                default -> decide(exchange, path.equals("/v1/explanations"));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, JSON, problem("internal failure: " + e));
        }
    }

    /** {@code ?lang=sv} gives Swedish explanations; English otherwise. */
    private static Locale language(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.matches("(.*&)?lang=sv(&.*)?") ? Locale.forLanguageTag("sv") : Locale.ROOT;
    }

    private void decide(HttpExchange exchange, boolean asText) throws IOException {
        String body = readBody(exchange);
        if (body == null) {
            send(exchange, 413, JSON, ForebyggJson.toLine(mapper, new CaseError(null, null, "$",
                    "the request body is larger than " + maxBodyBytes + " bytes")));
            return;
        }
        List<CaseReader.Entry> entries = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(body))) {
            reader.forEachRemaining(entries::add);
        }
        List<Object> results = Batches.decide(engine, entries);
        int status = results.stream().allMatch(r -> r instanceof Decision) ? 200 : 400;
        StringBuilder out = new StringBuilder();
        if (asText) {
            for (Object result : results) {
                out.append(out.length() == 0 ? "" : "\n").append(Explanation.ofResult(result, language(exchange)));
            }
            send(exchange, status, TEXT, out.toString());
        } else if (body.stripLeading().startsWith("[")) {
            out.append('[');
            for (Object result : results) {
                out.append(out.length() == 1 ? "" : ",").append(ForebyggJson.toLine(mapper, result));
            }
            send(exchange, status, JSON, out.append(']').toString());
        } else {
            for (Object result : results) {
                out.append(ForebyggJson.toLine(mapper, result)).append('\n');
            }
            send(exchange, status, JSON_LINES, out.toString());
        }
    }

    /**
     * The body as text, or null when it is over the limit. An over-long body is still read to its end
     * (and dropped) so that the client gets the 413 rather than a reset connection.
     */
    private String readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean tooLarge = declared != null && Long.parseLong(declared.trim()) > maxBodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                tooLarge |= bytes.size() + (long) n > maxBodyBytes;
                if (!tooLarge) {
                    bytes.write(buffer, 0, n);
                }
            }
        }
        return tooLarge ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    private void sendSchema(HttpExchange exchange) throws IOException {
        try (InputStream in = DecisionServer.class.getResourceAsStream(CASE_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CASE_SCHEMA);
            }
            send(exchange, 200, "application/schema+json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String problem(String message) {
        ObjectNode error = mapper.createObjectNode();
        error.putObject("error").put("message", message);
        return ForebyggJson.toLine(mapper, error);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (UncheckedIOException | IOException e) {
            // The client went away; nothing left to tell it.
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "forebygg-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
