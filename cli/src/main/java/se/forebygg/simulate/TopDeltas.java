package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.forebygg.engine.CaseType;

/**
 * The biggest amount changes in one direction, ties grouped: decisions that gained (or lost) the same
 * amount are one group ("37 decisions gained 5 000 kr each"), and the {@code top} groups of the largest
 * changes are kept. Streaming and exact: once a change is too small for the top groups it can never
 * enter them again, since the smallest kept change only grows, so every kept group counts all its
 * decisions.
 */
public final class TopDeltas {
    /** Case ids kept per group, to cite. */
    static final int EXAMPLES = 3;

    /** Decisions whose amount changed by the same {@code delta}. */
    public static final class Group {
        private final BigDecimal delta;
        private long decisions;
        private final Map<CaseType, Long> types = new EnumMap<>(CaseType.class);
        private final FirstInInput<String> examples = new FirstInInput<>(EXAMPLES);

        Group(BigDecimal delta) {
            this.delta = delta;
        }

        /** What-if amount minus baseline amount, the same for every decision of the group. */
        public BigDecimal delta() {
            return delta;
        }

        public long decisions() {
            return decisions;
        }

        /** The decisions per benefit. */
        public Map<CaseType, Long> types() {
            return types;
        }

        /** The first case ids of the group, in input order. */
        public List<String> examples() {
            return examples.list();
        }
    }

    private final int top;
    /** Kept groups, the largest change (in this direction) first. */
    private final TreeMap<BigDecimal, Group> groups;

    /** Gains ({@code gains}: largest first) or losses (largest loss first). */
    TopDeltas(int top, boolean gains) {
        this.top = top;
        Comparator<BigDecimal> order = Comparator.<BigDecimal>naturalOrder();
        this.groups = new TreeMap<>(gains ? order.reversed() : order);
    }

    /** Counts {@code change}, of the case read on input {@code line}. */
    void add(Change change, int line) {
        if (top == 0) {
            return;
        }
        BigDecimal delta = change.delta().stripTrailingZeros();
        Group group = groups.get(delta);
        if (group == null) {
            if (groups.size() >= top && groups.comparator().compare(delta, groups.lastKey()) > 0) {
                return;
            }
            group = new Group(change.delta());
            groups.put(delta, group);
            if (groups.size() > top) {
                groups.pollLastEntry();
            }
        }
        group.decisions++;
        group.types.merge(change.type(), 1L, Long::sum);
        group.examples.add(line, change.caseId());
    }

    /** The kept groups, the largest change first. */
    public List<Group> groups() {
        return List.copyOf(groups.values());
    }
}
