package org.aibase.plugin.analytics.internal.stats;

import java.util.ArrayList;
import java.util.List;

import org.aibase.plugin.analytics.internal.frame.ObjectColumn;
import org.aibase.plugin.analytics.internal.frame.PythonValues;

/** How often each distinct value of an object column occurs (missing cells not counted). */
public final class ValueCounts {

    /** A value and its count. */
    public record Entry(Object value, int count) {
    }

    private final List<Object> values;
    private final int[] counts;

    private ValueCounts(List<Object> values, int[] counts) {
        this.values = values;
        this.counts = counts;
    }

    /** Counts every row of the column. */
    public static ValueCounts of(ObjectColumn column) {
        int[] counts = new int[column.values().size()];
        for (int code : column.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        return new ValueCounts(column.values(), counts);
    }

    /** Counts the given rows of the column only (a sample). */
    public static ValueCounts of(ObjectColumn column, int[] rows) {
        int[] counts = new int[column.values().size()];
        int[] codes = column.codes();
        for (int row : rows) {
            int code = codes[row];
            if (code >= 0) {
                counts[code]++;
            }
        }
        return new ValueCounts(column.values(), counts);
    }

    /** The number of distinct values that occur. */
    public int distinct() {
        int n = 0;
        for (int c : counts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * The {@code limit} most frequent values, most frequent first; equal counts in order of first
     * appearance.
     */
    public List<Entry> top(int limit) {
        // a bounded insertion list: limit is small (5 or 10), the dictionary may be large
        List<Entry> top = new ArrayList<>(limit + 1);
        for (int code = 0; code < counts.length; code++) {
            int count = counts[code];
            if (count == 0 || (top.size() == limit && top.get(limit - 1).count() >= count)) {
                continue;
            }
            int at = top.size();
            while (at > 0 && top.get(at - 1).count() < count) {
                at--;
            }
            top.add(at, new Entry(values.get(code), count));
            if (top.size() > limit) {
                top.remove(limit);
            }
        }
        return top;
    }

    /**
     * pandas' {@code mode().iloc[0]}: the smallest of the most frequent values; when those cannot
     * be ordered (text and numbers mixed), the first to appear, as pandas then leaves them unsorted.
     * Null when no value occurs.
     */
    public Object mode() {
        int best = 0;
        for (int c : counts) {
            best = Math.max(best, c);
        }
        if (best == 0) {
            return null;
        }
        Object smallest = null;
        boolean orderable = true;
        Object first = null;
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] != best) {
                continue;
            }
            Object v = values.get(code);
            if (first == null) {
                first = v;
                smallest = v;
                continue;
            }
            Integer cmp = orderable ? PythonValues.compare(v, smallest) : null;
            if (cmp == null) {
                orderable = false;
            } else if (cmp < 0) {
                smallest = v;
            }
        }
        return orderable ? smallest : first;
    }
}
