package se.forebygg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.forebygg.Forebygg;
import se.forebygg.http.DecisionServer;

/** {@code forebygg serve}: the decision service over HTTP until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves decisions over HTTP until stopped (Ctrl-C, SIGTERM: requests in flight are finished first).",
                "POST /v1/decisions, POST /v1/explanations, GET /v1/schema/case, GET /v1/schema/decision, "
                        + "GET /v1/openapi.json, GET /metrics, GET /health (and HEAD wherever GET).",
                "Grants are counted against the caps across all requests: in memory for the life of the process, "
                        + "or in the database of --ledger."})
final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "FOREBYGG_SERVE_TOKEN";

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}. Any address beyond loopback (e.g. 0.0.0.0) "
                    + "needs --token-file or --insecure.")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "" + DecisionServer.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted; larger ones get 413. Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Option(names = "--max-body-bytes-in-flight", defaultValue = "" + DecisionServer.DEFAULT_MAX_BODY_BYTES_IN_FLIGHT,
            description = "Most bytes of request bodies held at once, all requests together; a body that would pass it "
                    + "gets 503 at once. Default: ${DEFAULT-VALUE}.")
    long maxBodyBytesInFlight;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time for a request's headers and body to arrive (408 or closed after it), and for a "
                    + "silent connection to be closed. Default: ${DEFAULT-VALUE}.")
    long readTimeout;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time to decide one request once read, waiting included (503 after it). Default: ${DEFAULT-VALUE}.")
    long requestTimeout;

    @Option(names = "--max-connections", defaultValue = "" + DecisionServer.DEFAULT_MAX_CONNECTIONS,
            description = "Most connections open at once; more wait to be accepted. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "On SIGTERM or Ctrl-C, how long to let the requests in flight finish (no new connections are "
                    + "accepted meanwhile) before stopping. Default: ${DEFAULT-VALUE}.")
    long shutdownTimeout;

    @Option(names = "--access-log", paramLabel = "FILE|-|none", defaultValue = "-",
            description = "Where to write one line per request (time, remote address, method, path, status, bytes, "
                    + "milliseconds): a file (appended to), - for standard output, none for nowhere. Default: ${DEFAULT-VALUE}.")
    String accessLog;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = {"Every request but GET /health must carry 'Authorization: Bearer <the file's content>' "
                    + "(401 otherwise).", "Default: the environment variable " + TOKEN_VARIABLE + ", if set."})
    Path tokenFile;

    @Option(names = "--insecure",
            description = "Listen beyond loopback without an access token: anyone who reaches the port may use it.")
    boolean insecure;

    @Mixin
    LedgerOptions ledgerOptions;

    @Mixin
    AuditOptions auditOptions;

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws Exception {
        String token;
        try {
            token = token();
        } catch (IOException e) {
            System.err.println("forebygg: cannot read --token-file " + tokenFile + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (token != null && token.isEmpty()) {
            System.err.println("forebygg: the access token (" + (tokenFile != null ? "--token-file " + tokenFile
                    : TOKEN_VARIABLE) + ") is empty");
            return ExitCodes.USAGE;
        }
        if (port < 0 || port > 65535) {
            System.err.println(cannotListen(host, port, "no such port (0 to 65535; choose --port)"));
            return ExitCodes.USAGE;
        }
        boolean loopback;
        try {
            loopback = DecisionServer.isLoopback(host);
        } catch (UnknownHostException e) {
            System.err.println(cannotListen(host, port, "no such host (choose --host: an address of this machine)"));
            return ExitCodes.USAGE;
        }
        if (!loopback && token == null && !insecure) {
            System.err.println("forebygg: --host " + host + " listens beyond this machine, so requests need an access "
                    + "token: add --token-file FILE (or set " + TOKEN_VARIABLE + "), or --insecure to serve anyone "
                    + "who reaches the port");
            return ExitCodes.USAGE;
        }
        Forebygg engine = options.engine();
        LedgerOptions.Opened ledger = ledgerOptions.open();
        DecisionServer.Builder builder;
        try {
            builder = DecisionServer.builder(engine, ledger.ledger()).host(host).port(port).maxBodyBytes(maxBodyBytes)
                    .maxBodyBytesInFlight(maxBodyBytesInFlight).maxConnections(maxConnections)
                    .readTimeout(Duration.ofSeconds(readTimeout)).requestTimeout(Duration.ofSeconds(requestTimeout))
                    .shutdownTimeout(Duration.ofSeconds(shutdownTimeout));
        } catch (IllegalArgumentException e) {
            ledger.close();
            System.err.println("forebygg: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (token != null) {
            builder.token(token);
        }
        if (insecure) {
            builder.insecure();
        }
        if (auditOptions.auditLog != null) {
            builder.auditLog(auditOptions.auditLog, auditOptions.auditKey);
        }
        RequestLog.Writer access = accessLogWriter();
        if (access != null) {
            builder.accessLog(access);
        }
        DecisionServer server;
        try {
            server = builder.start();
        } catch (IllegalArgumentException e) {
            ledger.close();
            System.err.println("forebygg: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (BindException e) {
            ledger.close();
            System.err.println(cannotListen(host, port, why(e)));
            return ExitCodes.USAGE;
        } catch (IOException e) {
            ledger.close();
            System.err.println("forebygg: cannot start serving on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                ledger.close();
            } catch (Exception e) {
                System.err.println("forebygg: closing the ledger failed: " + e);
            }
            stopped.countDown();
        }));
        System.err.println("forebygg: serving decisions on http://" + host + ":" + server.port() + "/v1/decisions"
                + (token != null ? " (access token required)" : "")
                + (ledgerOptions.url != null ? ", grants recorded in " + ledgerOptions.url : ", grants counted in memory")
                + (auditOptions.auditLog != null ? ", every decision logged in " + auditOptions.auditLog : ""));
        stopped.await();
        return ExitCodes.OK;
    }

    /** The one line that says why serving cannot start: the address, the reason, what to change. */
    static String cannotListen(String host, int port, String reason) {
        return "forebygg: cannot listen on " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ": " + reason;
    }

    /** What a failed bind means, with the option that changes it; {@code e}'s message is the system's words. */
    static String why(BindException e) {
        String system = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (system.contains("in use")) {
            return "address already in use (another process is using it; choose --port)";
        }
        if (system.contains("permission denied") || system.contains("access denied")) {
            return "permission denied (ports below 1024 need privileges; choose --port 1024 or above)";
        }
        if (system.contains("assign requested address") || system.contains("not available")) {
            return "not an address of this machine (choose --host)";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        // DecisionServer names host and port before the system's words; they are in the line already.
        return message.substring(message.lastIndexOf(": ") + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** Where --access-log sends its lines; null for none. */
    private RequestLog.Writer accessLogWriter() {
        if (accessLog.equals("none")) {
            return null;
        }
        if (accessLog.equals("-")) {
            PrintStream out = System.out;
            return out::println;
        }
        RequestLogWriter file = new RequestLogWriter(Path.of(accessLog).toAbsolutePath().toString());
        file.setAppend(true);
        return file;
    }

    /** The access token asked for: the file's content, else the environment variable's; null when neither. */
    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile).strip();
        }
        String variable = System.getenv(TOKEN_VARIABLE);
        return variable == null ? null : variable.strip();
    }
}
