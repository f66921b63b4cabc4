package org.aibase.metrics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.aibase.api.export.DataTable;
import org.aibase.api.export.ExportException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as an Office Open XML workbook (fastexcel): one worksheet per table, a bold header row,
 * numbers as numbers, booleans as booleans, instants as UTC date-times.
 */
final class XlsxTables {

    private XlsxTables() {
    }

    static byte[] write(List<DataTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "AI Base", "1.0");
            for (DataTable table : tables) {
                Worksheet sheet = workbook.newWorksheet(table.name());
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.value(0, c, table.columns().get(c));
                    sheet.style(0, c).bold().set();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        cell(sheet, r + 1, c, row.get(c));
                    }
                }
                sheet.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new ExportException(ExportException.FAILED, "cannot write the workbook: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n) {
            if (Double.isFinite(n.doubleValue())) {
                sheet.value(r, c, n);
            }
        } else if (value instanceof Boolean b) {
            sheet.value(r, c, b);
        } else if (value instanceof Instant instant) {
            sheet.value(r, c, instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
        } else {
            sheet.value(r, c, value.toString());
        }
    }
}
