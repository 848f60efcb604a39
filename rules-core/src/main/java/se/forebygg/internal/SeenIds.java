package se.forebygg.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The caseIds a reader has seen, each with the line it was first on: to refuse a repeated one. Kept compact,
 * as a reader streams inputs of any length: the ids' UTF-8 bytes in one array and an open-addressing table of
 * ints (about 30 bytes an id, where a {@code HashMap<String, Integer>} takes some 140).
 */
public final class SeenIds {
    private byte[] bytes = new byte[1 << 12];
    /** Where id {@code k}'s bytes start; its end is where id {@code k + 1}'s start. */
    private int[] starts = new int[1 << 8];
    private int[] lines = new int[1 << 8];
    /** Id number + 1 per slot, 0 for an empty slot. */
    private int[] slots = new int[1 << 9];
    private int count;

    /** True when {@code id} was seen. */
    public boolean contains(String id) {
        return find(id.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    /** The line {@code id} was first seen on, or null when it is new (then it is kept with {@code line}). */
    public Integer putIfAbsent(String id, int line) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int found = find(key);
        if (found >= 0) {
            return lines[found];
        }
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        int start = starts[count];
        if (start + key.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + key.length));
        }
        System.arraycopy(key, 0, bytes, start, key.length);
        lines[count] = line;
        starts[count + 1] = start + key.length;
        count++;
        if (count * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int k = 0; k < count; k++) {
                slots[freeSlot(hash(bytes, starts[k], starts[k + 1]))] = k + 1;
            }
        } else {
            slots[freeSlot(hash(key, 0, key.length))] = count;
        }
        return null;
    }

    /** The number of the id with these bytes, or -1. */
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
