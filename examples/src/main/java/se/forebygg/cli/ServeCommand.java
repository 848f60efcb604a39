package se.forebygg.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.forebygg.http.DecisionServer;

/** {@code forebygg serve}: the decision service over HTTP until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves decisions over HTTP until stopped (Ctrl-C).",
                "POST /v1/decisions, POST /v1/explanations, GET /v1/schema/case, GET /health."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "" + DecisionServer.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted; larger ones get 413. Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws Exception {
        DecisionServer server = DecisionServer.start(options.engine(), host, port, maxBodyBytes);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.err.println("forebygg: serving decisions on http://" + host + ":" + server.port() + "/v1/decisions");
        stopped.await();
        return ExitCodes.OK;
    }
}
