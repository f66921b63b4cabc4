package org.aibase.metrics.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** How a cell value is written as text (CSV) or JSON. */
final class TableCells {

    private TableCells() {
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (cell instanceof Double || cell instanceof Float) {
            return BigDecimal.valueOf(((Number) cell).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Instant instant) {
            return instant.toString();
        }
        return cell.toString();
    }

    /** A value JSON can hold as is: numbers (finite), booleans, strings; instants as ISO text. */
    static Object json(Object cell) {
        if (cell == null || cell instanceof Boolean || cell instanceof String) {
            return cell;
        }
        if (cell instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? n : null;
        }
        return text(cell);
    }
}
