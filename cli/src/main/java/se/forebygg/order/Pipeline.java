package se.forebygg.order;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reading ahead and writing behind the deciding, for commands that decide a whole input on several threads: the input's
 * batches are read and parsed on a thread of their own ({@link #run}), and the results rendered and written on
 * another ({@link #writes}), each stage in order, a few batches apart at most (so memory stays flat). With one
 * thread, both stages run on the caller's thread, as they are called.
 *
 * <p>A failure on a stage's thread (an unreadable input, a closed output) is thrown on the caller's thread at
 * its next call, as it is; closing a stage stops its thread and waits for it.
 */
public final class Pipeline {
    /**
     * Items a producer may make ahead of the consumer: batches of cases read, a few MB each (kept low so that
     * a million cases still fit a 256 MB heap).
     */
    public static final int AHEAD = 2;
    /** Writes that may wait behind the one being done: each holds a batch of decisions, tens of MB. */
    public static final int BEHIND = 1;
    /**
     * How long a stopped producer is waited for once the consumer failed: a producer blocked where an interrupt
     * does not reach (reading standard input that a pipe keeps open) is then left, a daemon thread, so that the
     * failure is reported now rather than when the pipe next delivers.
     */
    static final long LEAVE_AFTER_MILLIS = 1_000;

    private Pipeline() {
    }

    /** A piece of writing: rendering results and writing their lines. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Where a producer gives what it made, in order; waits while {@link #AHEAD} items wait. */
    @FunctionalInterface
    public interface Emit<T> {
        void accept(T item) throws IOException;
    }

    /** Makes items (e.g. reads batches of the input) and gives each to {@link Emit}, in order. */
    @FunctionalInterface
    public interface Producer<T> {
        void produce(Emit<T> emit) throws IOException;
    }

    /** Takes the items, in order, on the caller's thread. */
    @FunctionalInterface
    public interface Consumer<T> {
        void accept(T item) throws IOException;
    }

    /** Writes, each done after the ones submitted before it. */
    public interface Writes extends AutoCloseable {
        /** Does {@code write} now, or queues it (waiting while {@link #BEHIND} are queued). */
        void submit(Write write) throws IOException;

        /** Returns when every write submitted is done; throws the first failure of one. */
        void drain() throws IOException;

        @Override
        void close();
    }

    /**
     * Gives what {@code producer} makes to {@code consumer}, in order: with {@code ahead}, the producer runs
     * on a thread named {@code name}, at most {@link #AHEAD} items ahead of the consumer; without, each item
     * goes to the consumer as it is made. Returns when both are done; a failure of either is thrown here as
     * it is (the producer's after the items it made before it), and stops the other. After the consumer's
     * failure the producer is waited for {@link #LEAVE_AFTER_MILLIS} at most: what it still touches must refuse
     * to be used once closed (as {@link SortedSpill#add} does).
     */
    public static <T> void run(Producer<T> producer, Consumer<T> consumer, boolean ahead, String name) throws IOException {
        if (!ahead) {
            producer.produce(consumer::accept);
            return;
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        Object end = new Object();
        Thread thread = new Thread(() -> {
            try {
                try {
                    producer.produce(item -> {
                        try {
                            queue.put(item);
                        } catch (InterruptedException e) {
                            throw new Stopped();
                        }
                    });
                    queue.put(end);
                } catch (Stopped | InterruptedException e) {
                    // the consumer stopped: nothing more is taken
                } catch (Throwable t) {
                    queue.put(new Failure(t));
                }
            } catch (InterruptedException e) {
                // the consumer stopped while the failure waited
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        boolean consumerFailed = true;
        try {
            for (Object item = take(queue); item != end; item = take(queue)) {
                if (item instanceof Failure failure) {
                    consumerFailed = false;
                    rethrow(failure.cause());
                }
                @SuppressWarnings("unchecked")
                T t = (T) item;
                consumer.accept(t);
            }
            consumerFailed = false;
        } finally {
            thread.interrupt();
            if (consumerFailed) {
                join(thread, LEAVE_AFTER_MILLIS);
            } else {
                joinUninterruptibly(thread);
            }
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the input", e);
        }
    }

    /** The producer's thread was interrupted while it waited to give an item: the consumer stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    public static Writes writes(boolean behind) {
        return behind ? new WriteBehind() : new WriteNow();
    }

    /** Throws {@code failure} as it is: an I/O failure as such, an unchecked one or an error unchanged. */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    private record Failure(Throwable cause) {
    }

    private static final class WriteNow implements Writes {
        @Override
        public void submit(Write write) throws IOException {
            write.run();
        }

        @Override
        public void drain() {
        }

        @Override
        public void close() {
        }
    }

    /** The thread "forebygg-write": does the writes in the order submitted; after a failure it does no more. */
    private static final class WriteBehind implements Writes {
        private static final Write DONE = () -> { };
        private final BlockingQueue<Write> queue = new ArrayBlockingQueue<>(BEHIND);
        private final Thread thread;
        private final Object lock = new Object();
        private long submitted;
        private long done;
        private Throwable failure;

        WriteBehind() {
            thread = new Thread(() -> {
                try {
                    for (Write write = queue.take(); write != DONE; write = queue.take()) {
                        Throwable failed = null;
                        if (failed() == null) {
                            try {
                                write.run();
                            } catch (Throwable t) {
                                failed = t;
                            }
                        }
                        synchronized (lock) {
                            if (failure == null) {
                                failure = failed;
                            }
                            done++;
                            lock.notifyAll();
                        }
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            }, "forebygg-write");
            thread.setDaemon(true);
            thread.start();
        }

        private Throwable failed() {
            synchronized (lock) {
                return failure;
            }
        }

        @Override
        public void submit(Write write) throws IOException {
            Throwable failed = failed();
            if (failed != null) {
                rethrow(failed);
            }
            synchronized (lock) {
                submitted++;
            }
            try {
                queue.put(write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the results", e);
            }
        }

        @Override
        public void drain() throws IOException {
            synchronized (lock) {
                while (done < submitted && failure == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while writing the results", e);
                    }
                }
                if (failure != null) {
                    rethrow(failure);
                }
            }
        }

        @Override
        public void close() {
            if (!queue.offer(DONE)) {
                thread.interrupt();
            }
            joinUninterruptibly(thread);
        }
    }

    /** Waits for {@code thread} to end, {@code millis} at most, an interrupt or not. */
    private static void join(Thread thread, long millis) {
        boolean interrupted = false;
        long until = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; thread.isAlive() && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
