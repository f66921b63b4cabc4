package org.aibase.plugin.analytics.internal.frame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Types one CSV column from its distinct texts as pandas' C parser does: integers, then unsigned
 * integers, then floats, then booleans ({@code True}/{@code TRUE}/{@code true} and the
 * {@code False} forms), else text. Working on the distinct texts parses each one once.
 */
final class CsvColumnTyping {

    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    private CsvColumnTyping() {
    }

    /** The column of {@code codes} (indexes into {@code texts}, -1 for missing). */
    static Column column(String name, int[] codes, List<String> texts) {
        int missing = 0;
        for (int code : codes) {
            if (code < 0) {
                missing++;
            }
        }
        int distinct = texts.size();
        if (distinct == 0) {
            double[] values = new double[codes.length];
            java.util.Arrays.fill(values, Double.NaN);
            return new NumericColumn(name, DType.FLOAT64, values, null, missing);
        }
        Column integers = integerColumn(name, codes, texts, missing);
        if (integers != null) {
            return integers;
        }
        double[] floats = new double[distinct];
        boolean allFloats = true;
        for (int i = 0; i < distinct && allFloats; i++) {
            String t = texts.get(i).strip();
            allFloats = isFloatText(t);
            if (allFloats) {
                floats[i] = parseFloat(t);
            }
        }
        if (allFloats) {
            return numeric(name, DType.FLOAT64, codes, floats, null, missing);
        }
        Boolean[] bools = new Boolean[distinct];
        boolean allBools = true;
        for (int i = 0; i < distinct && allBools; i++) {
            bools[i] = bool(texts.get(i));
            allBools = bools[i] != null;
        }
        if (allBools && missing == 0) {
            boolean[] values = new boolean[codes.length];
            for (int r = 0; r < codes.length; r++) {
                values[r] = bools[codes[r]];
            }
            return new BoolColumn(name, values);
        }
        List<Object> values = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            values.add(allBools ? bools[i] : texts.get(i));
        }
        return objectColumn(name, codes, values, missing);
    }

    /** An int64/uint64 column (float64 with missing cells), an object one on overflow, or null. */
    private static Column integerColumn(String name, int[] codes, List<String> texts, int missing) {
        int distinct = texts.size();
        long[] longs = new long[distinct];
        boolean negative = false;
        boolean unsigned = false;
        boolean overflow = false;
        for (int i = 0; i < distinct; i++) {
            String t = texts.get(i).strip();
            if (!isIntegerText(t)) {
                return null;
            }
            BigInteger big = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
            negative |= big.signum() < 0;
            if (big.bitLength() < 64) {
                longs[i] = big.longValue();
            } else if (big.signum() > 0 && big.compareTo(UINT64_MAX) <= 0) {
                longs[i] = big.longValue();
                unsigned = true;
            } else {
                overflow = true;
            }
        }
        if (overflow || (unsigned && negative)) {
            return objectColumn(name, codes, new ArrayList<>(texts), missing);
        }
        double[] doubles = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            doubles[i] = unsigned ? JsonColumnBuilder.unsignedToDouble(longs[i]) : (double) longs[i];
        }
        if (missing > 0) {
            return numeric(name, DType.FLOAT64, codes, doubles, null, missing);
        }
        return numeric(name, unsigned ? DType.UINT64 : DType.INT64, codes, doubles, longs, 0);
    }

    private static Column numeric(String name, DType dtype, int[] codes, double[] doubles, long[] longs, int missing) {
        double[] values = new double[codes.length];
        long[] exact = longs == null ? null : new long[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            values[r] = code < 0 ? Double.NaN : doubles[code];
            if (exact != null) {
                exact[r] = longs[code];
            }
        }
        return new NumericColumn(name, dtype, values, exact, missing);
    }

    /** Re-codes through Python equality: {@code True} and {@code true} are distinct texts but one value. */
    private static Column objectColumn(String name, int[] codes, List<Object> values, int missing) {
        ObjectDictionary dictionary = new ObjectDictionary();
        int[] remap = new int[values.size()];
        java.util.Arrays.fill(remap, -2);
        int[] recoded = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            if (code < 0) {
                recoded[r] = ObjectColumn.MISSING;
            } else {
                if (remap[code] == -2) {
                    remap[code] = dictionary.code(values.get(code));
                }
                recoded[r] = remap[code];
            }
        }
        return new ObjectColumn(name, recoded, dictionary.values(), missing);
    }

    static boolean isIntegerText(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** pandas' float syntax: {@code 1}, {@code 1.}, {@code .5}, {@code 1e5}, {@code inf}, {@code -Infinity}. */
    static boolean isFloatText(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        String rest = t.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) {
            return true;
        }
        int digits = 0;
        int n = t.length();
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    static double parseFloat(String t) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    private static Boolean bool(String t) {
        return switch (t) {
            case "True", "TRUE", "true" -> Boolean.TRUE;
            case "False", "FALSE", "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
