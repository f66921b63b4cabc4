package org.aibase.api.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table to export: a name (the worksheet name in a workbook), column names, and rows of cells.
 * A cell is a {@code String}, a {@code Number}, a {@code Boolean}, a {@code java.time.Instant} or
 * {@code null} (empty); anything else is written as its {@code toString()}.
 *
 * @param name 1 to 31 characters, none of {@code : \ / ? * [ ]} (the workbook's rules for sheet names)
 * @param columns the column names
 * @param rows the rows; each as long as {@code columns}
 */
public record DataTable(String name, List<String> columns, List<List<Object>> rows) {

    /** Checks the name and the row lengths and copies the rows (cells may be null). */
    public DataTable {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 31 || name.matches(".*[:\\\\/?*\\[\\]].*")) {
            throw new ExportException(ExportException.INVALID, "table name '" + name
                    + "' must be 1 to 31 characters without : \\ / ? * [ ]");
        }
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new ExportException(ExportException.INVALID, "table '" + name + "' row " + (i + 1) + " has "
                        + row.size() + " cells, the table has " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
