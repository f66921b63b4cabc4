package org.aibase.plugin.analytics.internal.frame;

import java.util.List;

/** A table of typed columns of equal length, as pandas would type it. */
public record DataFrame(List<Column> columns, int rows) {

    /** Copies the column list and checks that every column has {@code rows} cells. */
    public DataFrame {
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (c.rows() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.rows() + " rows, not " + rows);
            }
        }
    }

    /** The number of cells. */
    public long cells() {
        return (long) rows * columns.size();
    }
}
