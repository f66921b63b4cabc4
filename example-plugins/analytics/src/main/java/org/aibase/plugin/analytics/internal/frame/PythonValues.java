package org.aibase.plugin.analytics.internal.frame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * How Python compares and prints the values of an object column, so that value counts, unique
 * counts and modes agree with pandas: {@code 1}, {@code 1.0} and {@code True} are one value.
 */
public final class PythonValues {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PythonValues() {
    }

    /** A key equal for values Python finds equal (and hashes alike). */
    public static Object key(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                if (v >= -0x1p63 && v < 0x1p63) {
                    return (long) v;
                }
                return new BigDecimal(v).toBigInteger();
            }
            return d;
        }
        if (value instanceof BigInteger big && big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
            return big.longValue();
        }
        return value;
    }

    /**
     * Python's order where it has one: numbers by value, strings by code point; {@code null} when
     * the two cannot be compared (a string and a number), as Python raises there.
     */
    public static Integer compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return new BigDecimal(numberText(a)).compareTo(new BigDecimal(numberText(b)));
        }
        return null;
    }

    /** Python's {@code <} on strings: by code point (Java's compareTo goes by UTF-16 unit). */
    public static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** Orders strings by code point. */
    public static final Comparator<String> CODE_POINT_ORDER = PythonValues::compareCodePoints;

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger || v instanceof Boolean;
    }

    private static String numberText(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "1e400" : "-1e400";
            }
            return new BigDecimal(d).toString();
        }
        return v.toString();
    }

    /** The text {@code json.dumps} writes for the value as a dictionary key. */
    public static String keyText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Double d) {
            return floatRepr(d);
        }
        return value.toString();
    }

    /** Python's {@code repr} of a float: shortest round-trip digits, Python's exponent rules. */
    public static String floatRepr(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
