package se.forebygg.internal;

/**
 * The caseIds a reader has seen, each with the line it was first on: to refuse a repeated one. Kept compact
 * ({@link CompactTable}: about 30 bytes an id, where a {@code HashMap<String, Integer>} takes some 140), as a
 * reader streams inputs of any length.
 */
public final class SeenIds {
    private CompactTable ids = new CompactTable();

    /** Forgets every id seen. */
    public void clear() {
        if (ids.size() > 0) {
            ids = new CompactTable();
        }
    }

    /** True when {@code id} was seen. */
    public boolean contains(String id) {
        return ids.indexOf(id) >= 0;
    }

    /** The line {@code id} was first seen on, or null when it is new (then it is kept with {@code line}). */
    public Integer putIfAbsent(String id, int line) {
        int found = ids.addIfAbsent(id, line);
        return found >= 0 ? (int) ids.value(found) : null;
    }
}
