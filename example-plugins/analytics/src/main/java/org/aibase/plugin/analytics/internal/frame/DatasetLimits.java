package org.aibase.plugin.analytics.internal.frame;

/** The most rows and columns a dataset may have. */
public record DatasetLimits(int maxRows, int maxColumns) {

    /** Checks that both limits are positive. */
    public DatasetLimits {
        if (maxRows < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("limits must be positive: rows " + maxRows + ", columns " + maxColumns);
        }
    }

    DatasetException tooManyRows(String field) {
        return DatasetException.tooLarge("too_many_rows", field,
                "the dataset has more than max_dataset_size = " + maxRows + " rows (allowed: at most " + maxRows + ")");
    }

    DatasetException tooManyColumns(String field) {
        return DatasetException.tooLarge("too_many_columns", field,
                "the dataset has more than max_columns = " + maxColumns + " columns (allowed: at most " + maxColumns + ")");
    }
}
