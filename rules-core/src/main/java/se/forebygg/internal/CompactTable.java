package se.forebygg.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A map from strings to longs for millions of keys in little memory: the keys' UTF-8 bytes, their values and
 * an open-addressing table of key numbers, all in pages of at most 256 KiB (some 30 bytes a key besides its
 * bytes, where a {@code HashMap<String, Long>} takes some 100). Pages, not one array growing by doubling: a
 * small heap need never find many MB in one piece (the G1 collector's "humongous" objects), and a growth
 * copies only the table of slots. Keys are only added, never removed. Not thread-safe.
 */
public final class CompactTable {
    private static final int PAGE_BITS = 15;
    /** Entries per page of key numbers, starts, lengths and values: 32 768 (128 or 256 KiB). */
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int IN_PAGE = PAGE - 1;
    /** Bytes per page of keys; a key longer than this has a page of its own. */
    private static final int BYTE_PAGE = 1 << 18;

    private byte[][] bytePages = new byte[16][];
    private int bytePageCount;
    /** The page short keys go to, and how much of it is used. */
    private int bytePage = -1;
    private int bytesUsed;
    /** Per key: its page of bytes and where in it it starts, as {@code page << 32 | offset}. */
    private long[][] starts = new long[16][];
    private int[][] lengths = new int[16][];
    private long[][] values = new long[16][];
    /** Key number + 1 per slot, 0 for an empty slot; {@code slotCount} slots, a power of two. */
    private int[][] slots = newSlots(16);
    private int slotCount = 16;
    private int count;

    /** The number of {@code key}, or -1 when it was never added. */
    public int indexOf(String key) {
        return find(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of key number {@code index}. */
    public long value(int index) {
        return values[index >>> PAGE_BITS][index & IN_PAGE];
    }

    /** Sets the value of key number {@code index}. */
    public void set(int index, long value) {
        values[index >>> PAGE_BITS][index & IN_PAGE] = value;
    }

    /** Adds {@code key}, which must be new, with {@code value}; its number. */
    public int add(String key, long value) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        if (find(b) >= 0) {
            throw new IllegalArgumentException("already in the table: " + key);
        }
        return append(b, value);
    }

    /**
     * The number of {@code key} when it is in the table; otherwise adds it with {@code value} and returns
     * {@code -1 - its number} (one lookup, where {@link #indexOf} then {@link #add} take two).
     */
    public int addIfAbsent(String key, long value) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        int found = find(b);
        return found >= 0 ? found : -1 - append(b, value);
    }

    private int append(byte[] b, long value) {
        int index = count;
        int page = index >>> PAGE_BITS;
        if (page == starts.length) {
            starts = Arrays.copyOf(starts, page * 2);
            lengths = Arrays.copyOf(lengths, page * 2);
            values = Arrays.copyOf(values, page * 2);
        }
        if (starts[page] == null) {
            // The first page starts small and grows (a table may hold one key), the others are whole.
            int size = page == 0 ? 16 : PAGE;
            starts[page] = new long[size];
            lengths[page] = new int[size];
            values[page] = new long[size];
        } else if ((index & IN_PAGE) == starts[page].length) {
            int size = Math.min(PAGE, starts[page].length * 2);
            starts[page] = Arrays.copyOf(starts[page], size);
            lengths[page] = Arrays.copyOf(lengths[page], size);
            values[page] = Arrays.copyOf(values[page], size);
        }
        starts[page][index & IN_PAGE] = store(b);
        lengths[page][index & IN_PAGE] = b.length;
        values[page][index & IN_PAGE] = value;
        count++;
        if (count * 2L > slotCount) {
            slotCount *= 2;
            slots = newSlots(slotCount);
            for (int k = 0; k < count; k++) {
                setSlot(freeSlot(hash(k)), k + 1);
            }
        } else {
            setSlot(freeSlot(hash(b, 0, b.length)), count);
        }
        return index;
    }

    /** How many keys were added. */
    public int size() {
        return count;
    }

    /** Copies {@code b} into a page of keys; where it starts. */
    private long store(byte[] b) {
        if (b.length > BYTE_PAGE) {
            return (long) newBytePage(b.clone()) << 32;
        }
        if (bytePage < 0) {
            bytePage = newBytePage(new byte[256]);
            bytesUsed = 0;
        }
        if (bytesUsed + b.length > bytePages[bytePage].length) {
            if (bytePage == 0 && bytesUsed + b.length <= BYTE_PAGE) {
                // the first page grows up to a whole one
                bytePages[0] = Arrays.copyOf(bytePages[0], Math.min(BYTE_PAGE, Math.max(bytesUsed + b.length,
                        bytePages[0].length * 2)));
            } else {
                bytePage = newBytePage(new byte[BYTE_PAGE]);
                bytesUsed = 0;
            }
        }
        System.arraycopy(b, 0, bytePages[bytePage], bytesUsed, b.length);
        long start = (long) bytePage << 32 | bytesUsed;
        bytesUsed += b.length;
        return start;
    }

    private int newBytePage(byte[] page) {
        if (bytePageCount == bytePages.length) {
            bytePages = Arrays.copyOf(bytePages, bytePageCount * 2);
        }
        bytePages[bytePageCount] = page;
        return bytePageCount++;
    }

    private int find(byte[] key) {
        int mask = slotCount - 1;
        for (int s = hash(key, 0, key.length) & mask; slot(s) != 0; s = (s + 1) & mask) {
            int k = slot(s) - 1;
            long start = starts[k >>> PAGE_BITS][k & IN_PAGE];
            int from = (int) start;
            if (Arrays.equals(bytePages[(int) (start >>> 32)], from, from + lengths[k >>> PAGE_BITS][k & IN_PAGE],
                    key, 0, key.length)) {
                return k;
            }
        }
        return -1;
    }

    private int hash(int k) {
        long start = starts[k >>> PAGE_BITS][k & IN_PAGE];
        int from = (int) start;
        return hash(bytePages[(int) (start >>> 32)], from, from + lengths[k >>> PAGE_BITS][k & IN_PAGE]);
    }

    private int slot(int s) {
        return slots[s >>> PAGE_BITS][s & IN_PAGE];
    }

    private void setSlot(int s, int value) {
        slots[s >>> PAGE_BITS][s & IN_PAGE] = value;
    }

    private int freeSlot(int hash) {
        int mask = slotCount - 1;
        int s = hash & mask;
        while (slot(s) != 0) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static int[][] newSlots(int count) {
        int[][] pages = new int[Math.max(1, count >>> PAGE_BITS)][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = new int[Math.min(count, PAGE)];
        }
        return pages;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
