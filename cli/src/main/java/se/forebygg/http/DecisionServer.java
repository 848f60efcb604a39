package se.forebygg.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;
import se.forebygg.audit.AuditLog;
import se.forebygg.Forebygg;
import se.forebygg.grant.GrantLedger;

/**
 * The decision service over HTTP, on Jetty's core server (no servlets):
 * <ul>
 * <li>{@code POST /v1/decisions}: one case, a JSON array or JSON Lines; decisions and error objects in
 *     input order (a JSON array for array input, JSON Lines otherwise). 200 when every case was decided,
 *     400 when some case was bad input (the others are still decided and returned).</li>
 * <li>{@code POST /v1/explanations}: the same input, answered in plain text ({@code ?lang=sv} or
 *     {@code Accept-Language: sv} for Swedish).</li>
 * <li>{@code GET /v1/schema/case}, {@code GET /v1/schema/decision}: the JSON Schemas of cases and decisions.</li>
 * <li>{@code GET /v1/openapi.json}: the OpenAPI 3.1 document of every route.</li>
 * <li>{@code GET /metrics}: the service's meters in Prometheus' text format (see {@link Metrics}).</li>
 * <li>{@code GET /health}: {@code {"status":"UP","rulesVersion":…}}.</li>
 * </ul>
 * Every GET route answers HEAD too. An unknown path gets 404, a wrong method 405; every error has a JSON
 * body {@code {"error":{"message":…}}}. Closing stops accepting connections and lets the requests in
 * flight finish, for up to the shutdown timeout.
 *
 * <p>Grants are decided against one {@link GrantLedger} shared by every request for the server's
 * lifetime, so requests together never exceed the caps. The server does not close the ledger.
 *
 * <p>A slow or huge client cannot stop it: reading a request never holds a thread; a request's headers
 * and body must arrive within the read timeout (408, or the connection is closed); a body over the limit
 * is refused from its Content-Length or as soon as the limit is passed (413, connection closed); a
 * request not decided within the request timeout gets 503; connections are capped; any failure of one
 * request, even {@link OutOfMemoryError}, gets a 500 or 503 with an error body. Beyond loopback it
 * requires an access token ({@code Authorization: Bearer …}) unless {@link Builder#insecure()} is asked for.
 *
 * <pre>{@code
 * try (DecisionServer server = DecisionServer.builder(engine, ledger).port(8080).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class DecisionServer implements AutoCloseable {
    /** Default limit of a request body: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;
    /** Default limit of the bodies held at once, all requests together: 256 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES_IN_FLIGHT = 256L << 20;
    /** Default time for a request's headers and body to arrive, and for a silent connection to be closed. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default time to decide a request once it is read. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of open connections; more wait to be accepted. */
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    /** Default time that closing waits for the requests in flight. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService deciders;
    private final AuditLog audit;
    private final Metrics metrics;

    private DecisionServer(Server server, ServerConnector connector, ExecutorService deciders, AuditLog audit,
                           Metrics metrics) {
        this.server = server;
        this.connector = connector;
        this.deciders = deciders;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Starts serving on {@code host}:{@code port} with the defaults ({@code port} 0 picks a free one; see {@link #port()}). */
    public static DecisionServer start(Forebygg engine, GrantLedger ledger, String host, int port) throws IOException {
        return builder(engine, ledger).host(host).port(port).start();
    }

    /** A server deciding with {@code engine}, recording grants in {@code ledger}; loopback port 8080 unless told otherwise. */
    public static Builder builder(Forebygg engine, GrantLedger ledger) {
        return new Builder(engine, ledger);
    }

    /** True when every address {@code host} names is a loopback address (reachable from this machine only). */
    public static boolean isLoopback(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops accepting connections, lets the requests in flight finish (new requests on open connections
     * get 503) for up to the shutdown timeout, then ends the connections left and waits up to 5 s more
     * for decisions under way. Only a request still running then loses its answer.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the connector is closed first, and nothing else is left to release.
        }
        metrics.close();
        deciders.shutdown();
        try {
            deciders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (audit != null) {
            try {
                audit.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(DecisionServer.class).warn("closing the audit log failed", e);
            }
        }
    }

    /** How to serve; {@link #start()} to begin. */
    public static final class Builder {
        private final Forebygg engine;
        private final GrantLedger ledger;
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long maxBodyBytesInFlight = DEFAULT_MAX_BODY_BYTES_IN_FLIGHT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private String token;
        private boolean insecure;
        private Path auditLog;
        private String auditKey;
        private RequestLog.Writer accessLog;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder(Forebygg engine, GrantLedger ledger) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.ledger = Objects.requireNonNull(ledger, "ledger");
        }

        /** Address to listen on; default 127.0.0.1. Anything but loopback needs {@link #token} or {@link #insecure()}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on, 0 for any free one; default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the port must be 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Largest request body accepted (at most 1 GiB); larger ones get 413. Default {@link #DEFAULT_MAX_BODY_BYTES}. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (positive(maxBodyBytes, "maxBodyBytes") > 1L << 30) {
                throw new IllegalArgumentException("maxBodyBytes must be at most 1 GiB (1073741824), not " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Most bytes of request bodies held at once, all requests together (bodies being read and being
         * decided); a request whose body would pass it gets 503 at once, so that many large bodies
         * together cannot run the service out of memory. Default {@link #DEFAULT_MAX_BODY_BYTES_IN_FLIGHT};
         * at least {@link #maxBodyBytes}.
         */
        public Builder maxBodyBytesInFlight(long maxBodyBytesInFlight) {
            this.maxBodyBytesInFlight = positive(maxBodyBytesInFlight, "maxBodyBytesInFlight");
            return this;
        }

        /**
         * How long a request's headers and body may take to arrive, counted from its first byte, and how
         * long a connection may stay silent; default {@link #DEFAULT_READ_TIMEOUT}.
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /** How long deciding one request may take, waiting included, before it gets 503; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Most connections open at once; further ones wait to be accepted. Default {@link #DEFAULT_MAX_CONNECTIONS}. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = (int) positive(maxConnections, "maxConnections");
            return this;
        }

        /** Every request but {@code GET /health} must carry {@code Authorization: Bearer token}; others get 401. */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("the access token is empty");
            }
            this.token = token;
            return this;
        }

        /**
         * Appends every decision to the audit log {@code file} (created if missing), as {@code evaluate
         * --audit-log} does: a grant's line before the ledger commits it, anchored in the ledger. {@code key}
         * keys its hash chain (null for none). The server closes the log when it closes.
         */
        public Builder auditLog(Path file, String key) {
            this.auditLog = Objects.requireNonNull(file, "file");
            this.auditKey = key;
            return this;
        }

        /**
         * Writes one line per request to {@code writer} (see {@link AccessLog} for the format): Jetty's
         * {@code RequestLogWriter} for a file, {@code Slf4jRequestLogWriter} for a logger, or any
         * {@code line -> …}. Default: none.
         */
        public Builder accessLog(RequestLog.Writer writer) {
            this.accessLog = Objects.requireNonNull(writer, "writer");
            return this;
        }

        /** How long {@link #close()} waits for the requests in flight to finish; default {@link #DEFAULT_SHUTDOWN_TIMEOUT}. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = positive(shutdownTimeout, "shutdownTimeout");
            return this;
        }

        /** Allows listening beyond loopback without a token: anyone who reaches the port may use it. */
        public Builder insecure() {
            this.insecure = true;
            return this;
        }

        /**
         * Starts serving. Throws {@link BindException} when the port is taken or the host is not an address
         * of this machine, and {@link IllegalStateException} when the host is not loopback and there is
         * neither a token nor {@link #insecure()}.
         */
        public DecisionServer start() throws IOException {
            if (maxBodyBytesInFlight < maxBodyBytes) {
                throw new IllegalArgumentException("maxBodyBytesInFlight (" + maxBodyBytesInFlight
                        + ") must be at least maxBodyBytes (" + maxBodyBytes + "), or no body of the largest size could be read");
            }
            if (token == null && !insecure && !isLoopback(host)) {
                throw new IllegalStateException("listening on " + host + " reaches beyond this machine: "
                        + "give an access token, or ask for insecure()");
            }
            Metrics metrics = new Metrics();
            GrantLedger timed = metrics.timed(ledger);
            AuditLog audit;
            try {
                audit = auditLog == null ? null : AuditLog.append(auditLog, engine, timed, auditKey);
            } catch (IOException | RuntimeException e) {
                metrics.close();
                throw e;
            }
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            // Waiting requests are bounded: past that the service answers 503 at once instead of queueing forever.
            ExecutorService deciders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(16 * threads), daemonThreads("forebygg-decide-"));
            QueuedThreadPool io = new QueuedThreadPool(64, 4);
            io.setName("forebygg-http");
            io.setDaemon(true);
            Server server = new Server(io);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(readTimeout.toMillis());
            HeaderDeadline headerDeadline = new HeaderDeadline(server.getScheduler(), readTimeout);
            connector.addBean(headerDeadline); // a Connection.Listener bean of the connector hears every connection
            server.addConnector(connector);
            server.addBean(new NetworkConnectionLimit(maxConnections, connector));
            server.setErrorHandler(new JsonErrorHandler());
            server.setHandler(new DecisionHandler(engine, timed, audit, deciders,
                    new Limits(maxBodyBytes, maxBodyBytesInFlight, readTimeout, requestTimeout),
                    token == null ? null : new BearerToken(token), headerDeadline, metrics));
            // Stopping closes the connector, then waits this long for the handler's requests in flight (it is Graceful).
            server.setStopTimeout(shutdownTimeout.toMillis());
            if (accessLog != null) {
                server.setRequestLog(new AccessLog(accessLog));
            }
            metrics.bind(server);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // Already failing; the start failure is what matters.
                }
                deciders.shutdown();
                metrics.close();
                if (audit != null) {
                    audit.close();
                }
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof BindException bind) {
                        BindException named = new BindException(host + ":" + port + ": " + bind.getMessage());
                        named.initCause(e);
                        throw named;
                    }
                }
                throw e instanceof IOException io2 ? io2 : new IOException("could not start the server: " + e, e);
            }
            return new DecisionServer(server, connector, deciders, audit, metrics);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, not " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, not " + value);
            }
            return value;
        }
    }

    /** The limits a request is held to. */
    record Limits(long maxBodyBytes, long maxBodyBytesInFlight, Duration readTimeout, Duration requestTimeout) {
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
