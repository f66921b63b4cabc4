package org.aibase.metrics.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.aibase.api.export.DataTable;

/** Tables as RFC 4180 CSV in UTF-8 with CRLF line ends; several tables as named blocks. */
final class CsvTables {

    private CsvTables() {
    }

    static byte[] write(List<DataTable> tables) {
        StringBuilder out = new StringBuilder();
        for (DataTable table : tables) {
            if (tables.size() > 1) {
                if (out.length() > 0) {
                    out.append("\r\n");
                }
                out.append(field(table.name())).append("\r\n");
            }
            line(out, table.columns());
            for (List<Object> row : table.rows()) {
                line(out, row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(TableCells.text(cells.get(i))));
        }
        out.append("\r\n");
    }

    /**
     * A quoted field when it needs quotes; a leading {@code = + - @} is prefixed with an apostrophe
     * so a spreadsheet never runs a formula from exported data (numbers are written as numbers).
     */
    static String field(String text) {
        String safe = text;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !isNumber(safe)) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
