package org.aibase.plugin.analytics.internal.frame;

/**
 * An {@code int64}, {@code uint64} or {@code float64} column. {@code values} holds every cell as a
 * double ({@code NaN} when missing); integer columns also keep their exact values, because a
 * double loses integers above 2^53.
 */
public record NumericColumn(String name, DType dtype, double[] values, long[] exact, int missing) implements Column {

    private static final long CANONICAL_NAN = Double.doubleToLongBits(Double.NaN);

    /** Checks that the dtype is numeric and that integer columns carry their exact values. */
    public NumericColumn {
        if (!dtype.numeric()) {
            throw new IllegalArgumentException("not a numeric dtype: " + dtype);
        }
        if ((dtype == DType.FLOAT64) != (exact == null)) {
            throw new IllegalArgumentException("exact values go with integer dtypes only");
        }
    }

    @Override
    public int rows() {
        return values.length;
    }

    @Override
    public long rowKey(int row) {
        if (exact != null) {
            return exact[row];
        }
        double v = values[row];
        if (v != v) {
            return CANONICAL_NAN;
        }
        return v == 0.0 ? 0L : Double.doubleToRawLongBits(v);
    }
}
