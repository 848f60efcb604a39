package se.forebygg.spark;

import org.apache.spark.Partitioner;

/**
 * Results to partitions by their line, in ranges of lines: partition {@code i} holds the lines before those
 * of partition {@code i + 1}, so the partitions sorted within are the input's order. Known ranges need no
 * sample of the results (a sort by line would first decide every case once more to sample them).
 */
final class InputOrder extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final long lines;

    /** {@code partitions} ranges over lines 1 to {@code lines}. */
    InputOrder(int partitions, long lines) {
        this.partitions = Math.max(1, partitions);
        this.lines = Math.max(1, lines);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object line) {
        long at = Math.min(Math.max((Long) line - 1, 0), lines - 1);
        return (int) (at * partitions / lines);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputOrder o && o.partitions == partitions && o.lines == lines;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lines * 31 + partitions);
    }
}
