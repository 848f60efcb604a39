package se.forebygg.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code limit} items that stood first in the input, whatever order they are added in (grant applications
 * are decided after the other cases, in their ledger order): each is kept with its input line, and an item
 * that comes later in the input than every kept one is dropped once {@code limit} are kept.
 */
final class FirstInInput<T> {
    private record Item<T>(int line, int added, T value) {
    }

    private static final Comparator<Item<?>> ORDER = Comparator.<Item<?>>comparingInt(Item::line)
            .thenComparingInt(Item::added);

    private final int limit;
    private final List<Item<T>> kept = new ArrayList<>();
    private int added;

    FirstInInput(int limit) {
        this.limit = limit;
    }

    /** Keeps {@code value}, read on {@code line}, if it is among the first {@code limit} so far. */
    void add(int line, T value) {
        Item<T> item = new Item<>(line, added++, value);
        int at = 0;
        while (at < kept.size() && ORDER.compare(kept.get(at), item) < 0) {
            at++;
        }
        if (at < limit) {
            kept.add(at, item);
            if (kept.size() > limit) {
                kept.remove(limit);
            }
        }
    }

    /** The kept items in input order. */
    List<T> list() {
        return kept.stream().map(Item::value).toList();
    }
}
