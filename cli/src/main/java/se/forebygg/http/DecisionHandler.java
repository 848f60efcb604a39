package se.forebygg.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.forebygg.audit.AuditLog;
import se.forebygg.audit.Withdrawals;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.explain.Explanation;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.ledger.jdbc.LedgerException;

/**
 * The routes of {@link DecisionServer} ({@link Route}). A request body is read without holding a thread (Jetty calls
 * back as bytes arrive), then decided on a bounded pool of its own, so that neither slow clients nor
 * long decisions keep {@code /health} or other clients waiting. It counts the requests in flight, so
 * that stopping the server waits for them ({@link Graceful}); a request that arrives meanwhile on an open
 * connection gets 503.
 */
final class DecisionHandler extends Handler.Abstract implements Graceful {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionHandler.class);
    private static final String JSON = "application/json";
    private static final String JSON_LINES = "application/x-ndjson";
    private static final String SCHEMA = "application/schema+json";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Forebygg engine;
    /** The longest caseId, as the contract (version 2) has it: a withdrawal names no longer one. */
    private static final int WITHDRAWAL_CASE_ID_LENGTH = 128;
    private final GrantLedger ledger;
    /** Null when decisions are not logged. */
    private final AuditLog audit;
    private final ExecutorService deciders;
    private final DecisionServer.Limits limits;
    /** Bytes of request bodies held now, all requests together: at most {@code limits.maxBodyBytesInFlight()}. */
    private final AtomicLong inFlight = new AtomicLong();
    /** Requests handled and not yet answered. */
    private final AtomicLong requests = new AtomicLong();
    private final Graceful.Shutdown shutdown = new Graceful.Shutdown(this) {
        @Override
        public boolean isShutdownDone() {
            return requests.get() == 0;
        }
    };
    private final BearerToken token;
    private final HeaderDeadline headerDeadline;
    private final Metrics metrics;
    private final ObjectMapper mapper = ForebyggJson.newMapper();
    private final byte[] caseSchema;
    private final byte[] decisionSchema;
    private final byte[] openApi;
    private final byte[] health;

    DecisionHandler(Forebygg engine, GrantLedger ledger, AuditLog audit, ExecutorService deciders,
                    DecisionServer.Limits limits, BearerToken token, HeaderDeadline headerDeadline, Metrics metrics) {
        this.engine = engine;
        this.ledger = ledger;
        this.audit = audit;
        this.deciders = deciders;
        this.limits = limits;
        this.token = token;
        this.headerDeadline = headerDeadline;
        this.metrics = metrics;
        this.caseSchema = OpenApi.resource(OpenApi.class, OpenApi.CASE_SCHEMA);
        this.decisionSchema = OpenApi.resource(OpenApi.class, OpenApi.DECISION_SCHEMA);
        this.openApi = OpenApi.document(mapper);
        this.health = ForebyggJson.toLine(mapper, Map.of("status", "UP", "rulesVersion", engine.rulesVersion()))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        headerDeadline.requestStarted(connection);
        Exchange exchange = new Exchange(request, response, callback);
        requests.incrementAndGet();
        Request.addCompletionListener(request, failure -> {
            if (requests.decrementAndGet() == 0) {
                shutdown.check();
            }
            headerDeadline.requestEnded(connection);
            metrics.request(request.getMethod(), exchange.route == null ? Metrics.NO_ROUTE
                    : exchange.route.path(), response.getStatus(), System.nanoTime() - request.getBeginNanoTime());
        });
        // Reading the body has its own deadline (an idle timeout then fails the read), deciding has the
        // request timeout: an idle connection while the rules run is no failure.
        request.addIdleTimeoutListener(timeout -> false);
        try {
            if (shutdown.isShutdown()) {
                exchange.answer(503, JSON, Problem.json("the service is stopping; send it again to another instance or "
                        + "once it is back"), true);
            } else {
                route(exchange);
            }
        } catch (Throwable t) {
            exchange.fail(t);
        }
        return true;
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        return shutdown.shutdown();
    }

    @Override
    public boolean isShutdown() {
        return shutdown.isShutdown();
    }

    private void route(Exchange exchange) {
        Request request = exchange.request;
        String path = request.getHttpURI().getDecodedPath();
        path = path == null ? "" : path;
        List<Route> routes = Route.at(path);
        if (token != null && (routes.isEmpty() || routes.stream().anyMatch(Route::tokenNeeded))
                && !token.admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            // Unknown paths too: a client without the token learns nothing of what exists.
            exchange.response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            exchange.answer(401, JSON, Problem.json("this service needs the header Authorization: Bearer <token>"),
                    false);
            return;
        }
        if (routes.isEmpty()) {
            exchange.answer(404, JSON, Problem.json("no such resource: " + Problem.quote(path)), false);
            return;
        }
        Route route = Route.answering(routes, request.getMethod());
        if (route == null) {
            String allowed = String.join(", ", Route.allowed(routes));
            exchange.response.getHeaders().put(HttpHeader.ALLOW, allowed);
            exchange.answer(405, JSON, Problem.json(Problem.quote(request.getMethod()) + " is not allowed on " + path
                    + "; use " + allowed), false);
            return;
        }
        exchange.route = route;
        switch (route) {
            case HEALTH -> exchange.answer(200, JSON, health, false);
            case CASE_SCHEMA -> exchange.answer(200, SCHEMA, caseSchema, false);
            case DECISION_SCHEMA -> exchange.answer(200, SCHEMA, decisionSchema, false);
            case OPENAPI -> exchange.answer(200, JSON, openApi, false);
            case METRICS -> exchange.answer(200, Metrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                    false);
            case DECISIONS -> readBody(exchange, (body, array) -> results(body, array, null));
            case WITHDRAWALS -> readBody(exchange, (body, array) -> withdraw(body));
            case EXPLANATIONS -> {
                Language language;
                try {
                    language = Language.of(request);
                } catch (IllegalArgumentException e) {
                    exchange.answer(400, JSON, Problem.json(e.getMessage()), true);
                    return;
                }
                exchange.response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, language.tag());
                exchange.response.getHeaders().put(HttpHeader.VARY, HttpHeader.ACCEPT_LANGUAGE.asString());
                readBody(exchange, (body, array) -> results(body, array, language));
            }
        }
    }

    /** What a route does with its body once read: decide it, explain it, withdraw what it names. */
    @FunctionalInterface
    private interface Work {
        /** The answer to {@code body} ({@code array}: it starts with '['). */
        Answer answer(InputStream body, boolean array) throws IOException;
    }

    /** Reads the body and hands it to {@code work}, on the deciders' pool. */
    private void readBody(Exchange exchange, Work work) {
        if (exchange.request.getLength() > limits.maxBodyBytes()) {
            exchange.answer(413, JSON, tooLarge(), true);
        } else {
            new BodyReader(exchange, work).start();
        }
    }

    private byte[] tooLarge() {
        return ForebyggJson.toLine(mapper, new Result.Refused(null, null, "$",
                "the request body is larger than " + limits.maxBodyBytes() + " bytes")).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the body as Jetty hands it over, at most up to the limit and the read deadline. Runs again
     * (as the demand callback) each time more bytes have arrived; never waits for them.
     */
    private final class BodyReader implements Runnable {
        private final Exchange exchange;
        private final Work work;
        private final Scheduler.Task deadline;
        /** Set by whichever comes first: the last byte (then it is decided) or the deadline (then 408). */
        private final AtomicBoolean settled = new AtomicBoolean();
        /** Gives this body's bytes back to the budget of bodies in flight, once. */
        private final AtomicBoolean released = new AtomicBoolean();
        private byte[] bytes = new byte[0];
        private int size;

        BodyReader(Exchange exchange, Work work) {
            this.exchange = exchange;
            this.work = work;
            long left = limits.readTimeout().toNanos() - (System.nanoTime() - exchange.request.getBeginNanoTime());
            this.deadline = getServer().getScheduler().schedule(this::tooSlow, Math.max(0, left), TimeUnit.NANOSECONDS);
        }

        void start() {
            run();
        }

        /** The buffer holds {@code length} bytes, taken from the budget of bodies in flight; false when it has no room. */
        private boolean resize(int length) {
            if (inFlight.addAndGet(length - bytes.length) > limits.maxBodyBytesInFlight()) {
                inFlight.addAndGet(bytes.length - length);
                return false;
            }
            bytes = Arrays.copyOf(bytes, length);
            return true;
        }

        /** Gives the buffer back to the budget: once the body is answered or decided, whichever is last. */
        private void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.addAndGet(-bytes.length);
            }
        }

        /** Answers without deciding: the body is no longer needed. */
        private void answerUndecided(int status, byte[] body, boolean close) {
            deadline.cancel();
            exchange.answer(status, JSON, body, close);
            release();
        }

        @Override
        public void run() {
            try {
                while (!exchange.isAnswered()) {
                    Content.Chunk chunk = exchange.request.read();
                    if (chunk == null) {
                        exchange.request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        deadline.cancel();
                        unreadable(chunk.getFailure());
                        release();
                        return;
                    }
                    boolean last = chunk.isLast();
                    try {
                        int n = chunk.getByteBuffer().remaining();
                        if (size + (long) n > limits.maxBodyBytes()) {
                            answerUndecided(413, tooLarge(), true);
                            return;
                        }
                        // Grown as bytes arrive, not sized from Content-Length: a client that only promises a
                        // large body gets no large buffer.
                        if (size + n > bytes.length && !resize((int) Math.min(limits.maxBodyBytes(),
                                Math.max(size + (long) n, Math.max(1 << 16, 2L * bytes.length))))) {
                            answerUndecided(503, Problem.json("the service holds as many request bodies as it may ("
                                    + limits.maxBodyBytesInFlight() + " bytes together); send it again shortly"), true);
                            return;
                        }
                        chunk.getByteBuffer().get(bytes, size, n);
                        size += n;
                    } finally {
                        chunk.release();
                    }
                    if (last) {
                        exchange.bodyRead = true;
                        deadline.cancel();
                        if (settled.compareAndSet(false, true)) {
                            decide(exchange, new ByteArrayInputStream(bytes, 0, size), startsArray(), work, this::release);
                        } else {
                            release();
                        }
                        return;
                    }
                }
            } catch (Throwable t) {
                deadline.cancel();
                exchange.fail(t);
                release();
            }
        }

        private boolean startsArray() {
            for (int i = 0; i < size; i++) {
                if (!Character.isWhitespace(bytes[i])) {
                    return bytes[i] == '[';
                }
            }
            return false;
        }

        private void tooSlow() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            exchange.answer(408, JSON, Problem.json("the request did not arrive within "
                    + limits.readTimeout().toSeconds() + " s"), true);
            release();
        }

        private void unreadable(Throwable failure) {
            if (failure instanceof TimeoutException) {
                tooSlow();
            } else {
                exchange.answer(400, JSON, Problem.json("the request body could not be read: "
                        + Problem.quote(String.valueOf(failure.getMessage()))), true);
            }
        }
    }

    /**
     * Decides the body on the deciders' pool, within the request timeout (503 after it); {@code done}
     * runs when the body is no longer needed (decided, or refused for want of a decider).
     */
    private void decide(Exchange exchange, InputStream body, boolean array, Work work, Runnable done) {
        Scheduler.Task[] timer = new Scheduler.Task[1];
        AtomicBoolean started = new AtomicBoolean();
        Future<?> running;
        try {
            running = deciders.submit(() -> {
                started.set(true);
                try {
                    exchange.answer(work.answer(body, array));
                } catch (Throwable t) {
                    exchange.fail(t);
                } finally {
                    done.run();
                    synchronized (timer) {
                        if (timer[0] != null) {
                            timer[0].cancel();
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            exchange.answer(503, JSON, Problem.json("the service is busy: too many requests are waiting; try again"),
                    false);
            done.run();
            return;
        }
        synchronized (timer) {
            if (!running.isDone()) {
                timer[0] = getServer().getScheduler().schedule(() -> {
                    // Cancelling does not stop rules already running (they may still record grants), only
                    // a request still waiting for its turn; hence the advice to send it again.
                    if (exchange.answer(503, JSON, Problem.json("the request was not decided within "
                            + limits.requestTimeout().toSeconds() + " s; send it again: a grant application that was "
                            + "recorded meanwhile gives back its stored decision"), false)) {
                        running.cancel(false);
                        if (!started.get()) {
                            done.run(); // it will not run now; a run that starts meanwhile gives it back once too
                        }
                    }
                }, limits.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The results of one body, rendered: JSON Lines, a JSON array, or explanations as text. */
    private Answer results(InputStream body, boolean array, Language explain) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            reader.forEachRemaining(inputs::add);
        }
        List<Result> results = audit == null ? engine.decideAll(inputs, ledger) : audit.decideAll(inputs);
        metrics.count(results);
        int status = status(results);
        StringBuilder out = new StringBuilder();
        if (explain != null) {
            for (Result result : results) {
                out.append(out.length() == 0 ? "" : "\n").append(Explanation.of(result, explain.locale()));
            }
            return new Answer(status, TEXT, out);
        }
        if (array) {
            out.append('[');
            for (Result result : results) {
                out.append(out.length() == 1 ? "" : ",").append(ForebyggJson.toLine(mapper, result));
            }
            return new Answer(status, JSON, out.append(']'));
        }
        for (Result result : results) {
            out.append(ForebyggJson.toLine(mapper, result)).append('\n');
        }
        return new Answer(status, JSON_LINES, out);
    }

    /**
     * Withdraws the grant the body names ({@code {"caseId": …, "reason": …}}, reason optional): 200 with the
     * withdrawn record (as {@code forebygg ledger withdraw} prints it), 404 when no grant counts under the
     * caseId, 400 when the body is no such object. Through the audit log when the service keeps one, so the
     * withdrawal is logged before the ledger withdraws it.
     */
    private Answer withdraw(InputStream body) throws IOException {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return problem(400, "the body is not JSON: " + Problem.quote(e.getOriginalMessage()));
        }
        if (request == null || !request.isObject()) {
            return problem(400, "$: expected an object {\"caseId\": …, \"reason\": …}");
        }
        JsonNode caseId = request.get("caseId");
        if (caseId == null || !caseId.isTextual() || caseId.asText().isEmpty()
                || caseId.asText().length() > WITHDRAWAL_CASE_ID_LENGTH) {
            return problem(400, "$.caseId: required, the caseId of the grant application (1 to "
                    + WITHDRAWAL_CASE_ID_LENGTH + " characters)");
        }
        JsonNode reason = request.get("reason");
        if (reason != null && !reason.isNull() && (!reason.isTextual() || reason.asText().length() > Withdrawal.MAX_REASON_LENGTH)) {
            return problem(400, "$.reason: a text of at most " + Withdrawal.MAX_REASON_LENGTH + " characters");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("caseId") && !name.equals("reason")) {
                return problem(400, "$." + Problem.quote(name) + ": unknown field (a withdrawal has caseId and reason)");
            }
        }
        String id = caseId.asText();
        GrantLedger withdrawFrom = audit == null ? ledger : audit.ledger();
        Optional<RecordedGrant> withdrawn = Withdrawals.withdraw(withdrawFrom, id,
                reason == null || reason.isNull() ? null : reason.asText());
        if (withdrawn.isEmpty()) {
            return problem(404, "no grant counts under caseId " + Problem.quote(id)
                    + (withdrawFrom.history(id).isEmpty() ? ": the ledger has no decision on it" : ": it was withdrawn already"));
        }
        return new Answer(200, JSON, AuditLog.mapper().writeValueAsString(withdrawn.get()));
    }

    private static Answer problem(int status, String message) {
        return new Answer(status, JSON, new String(Problem.json(message), StandardCharsets.UTF_8));
    }

    /**
     * 200 when every case was decided, 400 when some case was bad input; when some case could not be
     * decided for a cause outside its input (its error object says {@code "cause"}), 503 for the ledger
     * (nothing was recorded: send it again) and 500 for the rules.
     */
    private static int status(List<Result> results) {
        boolean bad = false;
        boolean ledgerFailed = false;
        for (Result result : results) {
            if (result instanceof Result.Refused error) {
                if (error.isBadInput()) {
                    bad = true;
                } else if (error.cause() == Result.Cause.LEDGER) {
                    ledgerFailed = true;
                } else {
                    return 500;
                }
            }
        }
        return ledgerFailed ? 503 : bad ? 400 : 200;
    }

    private record Answer(int status, String contentType, CharSequence body) {
    }

    /** One request and its one answer: whichever comes first (the result, a deadline, a failure) is sent. */
    private static final class Exchange {
        final Request request;
        final Response response;
        final Callback callback;
        /** The route answering, once known (null for an unknown path, a wrong method, a missing token). */
        volatile Route route;
        /** Set once the whole body has been read; until then an answer ends the connection (see {@link #answer}). */
        volatile boolean bodyRead;
        private final AtomicBoolean answered = new AtomicBoolean();

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        boolean isAnswered() {
            return answered.get();
        }

        void answer(Answer answer) {
            answer(answer.status(), answer.contentType(), answer.body().toString().getBytes(StandardCharsets.UTF_8),
                    false);
        }

        /**
         * Sends the answer unless one was sent; {@code close} ends the connection after it (when the rest
         * of the body is not going to be read). True when this call sent it.
         */
        boolean answer(int status, String contentType, byte[] body, boolean close) {
            if (!answered.compareAndSet(false, true)) {
                return false;
            }
            // Answered before its body was read (401, 404, 405, 413 …): the unread rest would be taken for the
            // next request, so the connection ends here, and says so, so that a client does not reuse it.
            close |= !bodyRead && (request.getLength() > 0
                    || (request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)));
            try {
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                if (close) {
                    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                }
                response.write(true, ByteBuffer.wrap(body), callback);
            } catch (Throwable t) {
                callback.failed(t);
            }
            return true;
        }

        /** Any failure of this one request: 503 when memory or the ledger failed (worth a retry), 500 otherwise. */
        void fail(Throwable failure) {
            if (failure instanceof OutOfMemoryError) {
                answer(503, JSON, Problem.OUT_OF_MEMORY, true);
            } else if (failure instanceof LedgerException || (failure instanceof UndecidedCaseException u
                    && u.failure() == UndecidedCaseException.Cause.LEDGER)) {
                LOG.warn("the grant ledger failed", failure);
                answer(503, JSON, Problem.json("the grant ledger failed: " + Problem.quote(failure.getMessage())), false);
            } else {
                LOG.warn("internal failure on {} {}", request.getMethod(), Problem.quote(request.getHttpURI().getPath()),
                        failure);
                answer(500, JSON, Problem.json("internal failure: " + failure.getClass().getName()), false);
            }
        }
    }
}
