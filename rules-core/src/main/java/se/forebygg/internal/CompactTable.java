package se.forebygg.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A map from strings to longs for millions of keys in little memory: the keys' UTF-8 bytes in one array, the
 * values in another, and an open-addressing table of ints (some 20 bytes a key besides its bytes, where a
 * {@code HashMap<String, Long>} takes some 100). Keys are only added, never removed. Not thread-safe.
 */
public final class CompactTable {
    private byte[] bytes = new byte[1 << 12];
    /** Where key {@code k}'s bytes start; its end is where key {@code k + 1}'s start. */
    private int[] starts = new int[1 << 8];
    private long[] values = new long[1 << 8];
    /** Key number + 1 per slot, 0 for an empty slot. */
    private int[] slots = new int[1 << 9];
    private int count;

    /** The number of {@code key}, or -1 when it was never added. */
    public int indexOf(String key) {
        return find(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of key number {@code index}. */
    public long value(int index) {
        return values[index];
    }

    /** Sets the value of key number {@code index}. */
    public void set(int index, long value) {
        values[index] = value;
    }

    /** Adds {@code key}, which must be new, with {@code value}; its number. */
    public int add(String key, long value) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        if (find(b) >= 0) {
            throw new IllegalArgumentException("already in the table: " + key);
        }
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            values = Arrays.copyOf(values, values.length * 2);
        }
        int start = starts[count];
        if (start + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + b.length));
        }
        System.arraycopy(b, 0, bytes, start, b.length);
        values[count] = value;
        starts[count + 1] = start + b.length;
        int index = count++;
        if (count * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int k = 0; k < count; k++) {
                slots[freeSlot(hash(bytes, starts[k], starts[k + 1]))] = k + 1;
            }
        } else {
            slots[freeSlot(hash(b, 0, b.length))] = count;
        }
        return index;
    }

    /** How many keys were added. */
    public int size() {
        return count;
    }

    private int find(byte[] key) {
        int mask = slots.length - 1;
        for (int s = hash(key, 0, key.length) & mask; slots[s] != 0; s = (s + 1) & mask) {
            int k = slots[s] - 1;
            if (Arrays.equals(bytes, starts[k], starts[k + 1], key, 0, key.length)) {
                return k;
            }
        }
        return -1;
    }

    private int freeSlot(int hash) {
        int mask = slots.length - 1;
        int s = hash & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
