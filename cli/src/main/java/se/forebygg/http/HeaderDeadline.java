package se.forebygg.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request headers have not all arrived within the read timeout of their
 * first byte. Jetty's idle timeout alone lets a client that sends one byte now and then hold a
 * connection for ever, and Jetty 12's HTTP/1 connection does not enforce a minimum data rate; so this
 * looks at every connection between its requests once a second (or more often for short timeouts) and
 * ends those that are receiving a request that has not reached the handler in time. Once a request's
 * headers are in, {@link DecisionHandler} holds its body and its processing to deadlines of their own.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
    private final Scheduler scheduler;
    private final long timeoutNanos;
    private final long everyMillis;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    HeaderDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.everyMillis = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    }

    @Override
    public void onOpened(Connection connection) {
        watches.put(connection, new Watch(connection.getBytesIn()));
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    /** A request of {@code connection} reached the handler: its headers are in. */
    void requestStarted(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.busy();
        }
    }

    /** The request of {@code connection} is answered; what arrives from now on is the next request. */
    void requestEnded(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.resting(connection.getBytesIn());
        }
    }

    @Override
    protected void doStart() {
        next = scheduler.schedule(this::sweep, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            watches.forEach((connection, watch) -> {
                if (watch.overdue(connection.getBytesIn(), now, timeoutNanos)) {
                    connection.getEndPoint().close();
                }
            });
        } finally {
            if (isRunning()) {
                next = scheduler.schedule(this::sweep, everyMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One connection: whether a request is being handled, and since when a next one has been arriving. */
    private static final class Watch {
        private boolean busy;
        private long bytesAtRest;
        private long arrivingSince;
        private boolean arriving;

        Watch(long bytesIn) {
            this.bytesAtRest = bytesIn;
        }

        synchronized void busy() {
            busy = true;
            arriving = false;
        }

        synchronized void resting(long bytesIn) {
            busy = false;
            arriving = false;
            bytesAtRest = bytesIn;
        }

        /** Whether bytes of a next request have been arriving for longer than the timeout, seen at {@code now}. */
        synchronized boolean overdue(long bytesIn, long now, long timeoutNanos) {
            if (busy || bytesIn == bytesAtRest) {
                return false; // handled elsewhere, or silent: the idle timeout's business
            }
            if (!arriving) {
                arriving = true;
                arrivingSince = now;
                return false;
            }
            return now - arrivingSince > timeoutNanos;
        }
    }
}
