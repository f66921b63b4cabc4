package org.aibase.metrics.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aibase.api.export.DataTable;
import org.aibase.api.export.ExportException;
import org.aibase.api.export.ExportFormat;
import org.aibase.api.export.TabularExport;
import org.osgi.service.component.annotations.Component;

/** The public {@link TabularExport}: stateless, so one instance serves every plugin and host bundle. */
@Component(service = TabularExport.class)
public final class PlatformTabularExport implements TabularExport {

    @Override
    public byte[] export(ExportFormat format, List<DataTable> tables) {
        check(tables);
        return switch (format) {
            case CSV -> CsvTables.write(tables);
            case JSON -> JsonTables.write(tables);
            case XLSX -> XlsxTables.write(tables);
        };
    }

    static void check(List<DataTable> tables) {
        if (tables == null || tables.isEmpty()) {
            throw new ExportException(ExportException.INVALID, "at least one table is needed");
        }
        Set<String> names = new HashSet<>();
        long cells = 0;
        for (DataTable table : tables) {
            // worksheet names are compared without case in a workbook
            if (!names.add(table.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new ExportException(ExportException.INVALID, "two tables are named '" + table.name() + "'");
            }
            cells += (long) (table.rows().size() + 1) * Math.max(1, table.columns().size());
        }
        if (cells > MAX_CELLS) {
            throw new ExportException(ExportException.INVALID, "the tables hold " + cells + " cells, at most " + MAX_CELLS
                    + " are allowed");
        }
    }
}
