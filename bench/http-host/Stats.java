import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Medians, percentiles and their formatting; times are in nanoseconds unless a name says otherwise. */
final class Stats {

    private Stats() {
    }

    static double median(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double min(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
    }

    static double max(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
    }

    /** The nearest-rank percentile (0 < p <= 100) of values sorted ascending. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** A number with as many decimals as a person reads at its size: 1234, 56.7, 3.45. */
    static String num(double value) {
        double size = Math.abs(value);
        if (value == Math.rint(value) && size < 1e15) {
            return String.valueOf((long) value);
        }
        String pattern = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** Values in a list, for the raw figures. */
    static String list(List<? extends Number> values) {
        return values.stream().map(v -> num(v.doubleValue())).toList().toString();
    }
}
