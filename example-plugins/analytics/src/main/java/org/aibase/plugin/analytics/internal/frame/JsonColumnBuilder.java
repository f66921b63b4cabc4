package org.aibase.plugin.analytics.internal.frame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one column of JSON records and types it at the end as {@code pd.DataFrame(records)}
 * does (pandas' {@code maybe_convert_objects}): integers alone are {@code int64} (or {@code uint64}
 * above 2^63), integers or floats with a missing cell are {@code float64}, booleans alone are
 * {@code bool}, and anything else - strings, mixtures with booleans, only {@code null}s - is
 * {@code object}. A key absent from a record is a float NaN, an explicit {@code null} is None.
 */
final class JsonColumnBuilder {

    private static final byte ABSENT = 0; // arrays start zeroed: rows before a column first appears are absent
    private static final byte NONE = 1;
    private static final byte INT = 2;
    private static final byte UINT = 3;
    private static final byte FLOAT = 4;
    private static final byte BOOL = 5;
    private static final byte OBJECT = 6;

    private final String name;
    private byte[] tags;
    private long[] payload;
    private boolean seenNone;
    private boolean seenInt;
    private boolean seenNegative;
    private boolean seenUint;
    private boolean seenFloat;
    private boolean seenBool;
    private boolean seenObject;
    private final Map<Object, Integer> objectCodes = new HashMap<>();
    private final List<Object> objects = new ArrayList<>();

    JsonColumnBuilder(String name, int capacity) {
        this.name = name;
        this.tags = new byte[capacity];
        this.payload = new long[capacity];
    }

    String name() {
        return name;
    }

    private void ensure(int row) {
        if (row >= tags.length) {
            int capacity = Math.max(row + 1, tags.length * 2);
            tags = Arrays.copyOf(tags, capacity);
            payload = Arrays.copyOf(payload, capacity);
        }
    }

    void none(int row) {
        ensure(row);
        tags[row] = NONE;
        seenNone = true;
    }

    void integer(int row, long value) {
        ensure(row);
        tags[row] = INT;
        payload[row] = value;
        seenInt = true;
        seenNegative |= value < 0;
    }

    void bigInteger(int row, BigInteger value) {
        if (value.signum() >= 0 && value.bitLength() <= 64) {
            ensure(row);
            tags[row] = UINT;
            payload[row] = value.longValue();
            seenUint = true;
        } else {
            object(row, value);
        }
    }

    void floating(int row, double value) {
        ensure(row);
        tags[row] = FLOAT;
        payload[row] = Double.doubleToRawLongBits(value);
        seenFloat = true;
    }

    void bool(int row, boolean value) {
        ensure(row);
        tags[row] = BOOL;
        payload[row] = value ? 1 : 0;
        seenBool = true;
    }

    /** A string, a big integer or nested JSON: only an object column can hold it. */
    void object(int row, Object value) {
        ensure(row);
        Integer code = objectCodes.get(value);
        if (code == null) {
            code = objects.size();
            objectCodes.put(value, code);
            objects.add(value);
        }
        tags[row] = OBJECT;
        payload[row] = code;
        seenObject = true;
    }

    Column build(int rows) {
        ensure(rows - 1);
        boolean seenAbsent = false;
        for (int i = 0; i < rows; i++) {
            if (tags[i] == ABSENT) {
                seenAbsent = true;
                break;
            }
        }
        DType dtype = dtype(seenAbsent);
        return switch (dtype) {
            case BOOL -> boolColumn(rows);
            case OBJECT -> objectColumn(rows);
            default -> numericColumn(dtype, rows);
        };
    }

    private DType dtype(boolean seenAbsent) {
        if (seenObject) {
            return DType.OBJECT;
        }
        boolean seenNumber = seenInt || seenUint || seenFloat;
        if (seenBool) {
            return seenNumber || seenNone || seenAbsent ? DType.OBJECT : DType.BOOL;
        }
        if (seenNone || seenAbsent) {
            return seenNumber || seenAbsent ? DType.FLOAT64 : DType.OBJECT;
        }
        if (seenFloat) {
            return DType.FLOAT64;
        }
        if (seenUint) {
            return seenNegative ? DType.OBJECT : DType.UINT64;
        }
        return DType.INT64;
    }

    private Column boolColumn(int rows) {
        boolean[] values = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = payload[i] != 0;
        }
        return new BoolColumn(name, values);
    }

    private Column numericColumn(DType dtype, int rows) {
        double[] values = new double[rows];
        int missing = 0;
        for (int i = 0; i < rows; i++) {
            long p = payload[i];
            double v = switch (tags[i]) {
                case INT -> (double) p;
                case UINT -> unsignedToDouble(p);
                case FLOAT -> Double.longBitsToDouble(p);
                default -> Double.NaN;
            };
            if (v != v) {
                missing++;
            }
            values[i] = v;
        }
        long[] exact = dtype == DType.FLOAT64 ? null : Arrays.copyOf(payload, rows);
        return new NumericColumn(name, dtype, values, exact, missing);
    }

    static double unsignedToDouble(long bits) {
        double high = (double) (bits >>> 1) * 2.0;
        return bits >= 0 ? (double) bits : high + (bits & 1);
    }

    /** Re-codes every cell in row order, so that the dictionary is in order of first appearance. */
    private Column objectColumn(int rows) {
        ObjectDictionary dictionary = new ObjectDictionary();
        int[] remap = new int[objects.size()];
        Arrays.fill(remap, -2);
        int[] codes = new int[rows];
        int missing = 0;
        for (int i = 0; i < rows; i++) {
            long p = payload[i];
            int code;
            switch (tags[i]) {
                case OBJECT -> {
                    int old = (int) p;
                    if (remap[old] == -2) {
                        remap[old] = dictionary.code(objects.get(old));
                    }
                    code = remap[old];
                }
                case INT -> code = dictionary.code(p);
                case UINT -> code = dictionary.code(new BigInteger(Long.toUnsignedString(p)));
                case BOOL -> code = dictionary.code(p != 0);
                case FLOAT -> {
                    double v = Double.longBitsToDouble(p);
                    code = v != v ? ObjectColumn.MISSING : dictionary.code(v);
                }
                default -> code = ObjectColumn.MISSING;
            }
            if (code == ObjectColumn.MISSING) {
                missing++;
            }
            codes[i] = code;
        }
        return new ObjectColumn(name, codes, dictionary.values(), missing);
    }
}
