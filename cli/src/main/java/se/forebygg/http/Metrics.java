package se.forebygg.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.Result;
import se.forebygg.grant.ForwardingGrantLedger;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;

/**
 * The service's meters, served at {@code GET /metrics} in Prometheus' text format:
 * <ul>
 * <li>{@code forebygg_decisions_total{benefit,outcome}}: cases decided, by case type and outcome;</li>
 * <li>{@code forebygg_refusals_total{cause}}: cases refused instead ({@code bad_input}, {@code rules}, {@code ledger});</li>
 * <li>{@code http_server_requests_seconds{method,route,status}}: a histogram of the time from a
 *     request's first byte to its answer, by route ({@code none} for paths that are no route);</li>
 * <li>{@code forebygg_ledger_wait_seconds}: a histogram of the time waiting to reserve an employer's
 *     and year's room in the grant ledger (other requests of the same employer hold it meanwhile);</li>
 * <li>the JVM's ({@code jvm_*}, {@code process_*}, {@code system_*}) and Jetty's threads and
 *     connections ({@code jetty_*}).</li>
 * </ul>
 */
final class Metrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String NO_ROUTE = "none";
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS", "TRACE", "CONNECT");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<CaseType, Map<Outcome, Counter>> decisions = new EnumMap<>(CaseType.class);
    private final Map<Result.Cause, Counter> refusals = new EnumMap<>(Result.Cause.class);
    private final Timer ledgerWait;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private JettyServerThreadPoolMetrics threads;

    Metrics() {
        // Every series from the start, at 0: a rate over a series that appears late misses its first counts.
        for (CaseType type : CaseType.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("forebygg.decisions").description("Cases decided")
                        .tags("benefit", type.id(), "outcome", outcome.name()).register(registry));
            }
            decisions.put(type, byOutcome);
        }
        for (Result.Cause cause : Result.Cause.values()) {
            refusals.put(cause, Counter.builder("forebygg.refusals").description("Cases refused instead of decided")
                    .tags("cause", cause.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        ledgerWait = histogram(Timer.builder("forebygg.ledger.wait")
                .description("Time waiting to reserve an employer's and year's room in the grant ledger")).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Adds Jetty's thread pool and connections; before the server starts. */
    void bind(Server server) {
        threads = new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty());
        threads.bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /** Counts {@code results}: decisions by benefit and outcome, refusals by cause. */
    void count(List<Result> results) {
        for (Result result : results) {
            if (result instanceof Result.Decided decided) {
                decisions.get(decided.decision().type()).get(decided.decision().outcome()).increment();
            } else if (result instanceof Result.Refused refused) {
                refusals.get(refused.cause()).increment();
            }
        }
    }

    /**
     * Records one request's answer: {@code route} is a route's path, or {@link #NO_ROUTE}. Methods beyond
     * the standard ones count as {@code OTHER}, so that no client can make up series.
     */
    void request(String method, String route, int status, long nanos) {
        histogram(Timer.builder("http.server.requests").description("Time from a request's first byte to its answer")
                .tags("method", STANDARD_METHODS.contains(method) ? method : "OTHER", "route", route,
                        "status", Integer.toString(status)))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code ledger}, timing how long each reservation waits for its room. */
    GrantLedger timed(GrantLedger ledger) {
        return new ForwardingGrantLedger(ledger) {
            @Override
            public Reservation reserve(GrantCase application) {
                long start = System.nanoTime();
                try {
                    return super.reserve(application);
                } finally {
                    ledgerWait.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            }
        };
    }

    /** Every meter in Prometheus' text format 0.0.4 ({@link #CONTENT_TYPE}). */
    String scrape() {
        return registry.scrape();
    }

    private static Timer.Builder histogram(Timer.Builder timer) {
        return timer.publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        gc.close();
        if (threads != null) {
            try {
                threads.close();
            } catch (Exception e) {
                // Unbinding meters of a stopped server: nothing left to release.
            }
        }
        registry.close();
    }
}
