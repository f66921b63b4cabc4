package org.aibase.plugin.analytics.internal.frame;

/** A {@code bool} column: pandas keeps this dtype only when no cell is missing. */
public record BoolColumn(String name, boolean[] values) implements Column {

    @Override
    public DType dtype() {
        return DType.BOOL;
    }

    @Override
    public int rows() {
        return values.length;
    }

    @Override
    public int missing() {
        return 0;
    }

    @Override
    public long rowKey(int row) {
        return values[row] ? 1 : 0;
    }
}
