package org.aibase.plugin.analytics.internal.frame;

import java.util.List;

/**
 * An {@code object} column, dictionary-encoded: {@code codes[row]} indexes {@code values} (the
 * distinct values in order of first appearance, as Python compares them: {@code 1 == 1.0 == True})
 * or is {@link #MISSING}. A value is a {@code String}, {@code Long}, {@code Double},
 * {@code BigInteger}, {@code Boolean} or {@link JsonText}.
 */
public record ObjectColumn(String name, int[] codes, List<Object> values, int missing) implements Column {

    /** The code of a missing cell. */
    public static final int MISSING = -1;

    /** Copies the dictionary. */
    public ObjectColumn {
        values = List.copyOf(values);
    }

    @Override
    public DType dtype() {
        return DType.OBJECT;
    }

    @Override
    public int rows() {
        return codes.length;
    }

    @Override
    public long rowKey(int row) {
        return codes[row];
    }
}
