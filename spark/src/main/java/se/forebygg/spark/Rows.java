package se.forebygg.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** A partition's rows in batches, mapped batch by batch and flattened again, without holding the partition. */
final class Rows {
    private Rows() {
    }

    /**
     * {@code in} in batches of at least {@code size} rows (fewer only at the end), a batch going on past
     * {@code size} while {@code together} holds for a row and the one after it, each batch given to
     * {@code decide}; its rows in order.
     */
    static <T, R> Iterator<R> inBatches(Iterator<T> in, int size, BiPredicate<T, T> together, Function<List<T>, List<R>> decide) {
        return new Iterator<>() {
            private Iterator<R> current = List.<R>of().iterator();
            private T ahead;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && (ahead != null || in.hasNext())) {
                    List<T> batch = new ArrayList<>(size);
                    T previous = null;
                    while (ahead != null || in.hasNext()) {
                        T next = ahead != null ? ahead : in.next();
                        ahead = null;
                        if (batch.size() >= size && !together.test(previous, next)) {
                            ahead = next;
                            break;
                        }
                        batch.add(next);
                        previous = next;
                    }
                    current = decide.apply(batch).iterator();
                }
                return current.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
