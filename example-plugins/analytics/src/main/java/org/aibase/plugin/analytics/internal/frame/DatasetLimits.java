package org.aibase.plugin.analytics.internal.frame;

/**
 * What one dataset may hold, checked when it is posted so that no request, the analysis job or a
 * later {@code GET} of its result, ever has to hold more.
 *
 * @param maxRows the most rows ({@code max_dataset_size})
 * @param maxColumns the most columns ({@code max_columns})
 * @param maxCellChars the most characters in one cell or column name ({@code max_cell_chars})
 * @param maxResultBytes the most bytes its analysis result may take as JSON ({@code max_result_bytes})
 */
public record DatasetLimits(int maxRows, int maxColumns, int maxCellChars, long maxResultBytes) {

    /** Checks that every limit is positive. */
    public DatasetLimits {
        if (maxRows < 1 || maxColumns < 1 || maxCellChars < 1 || maxResultBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: rows " + maxRows + ", columns " + maxColumns
                    + ", cell characters " + maxCellChars + ", result bytes " + maxResultBytes);
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

    /** The refusal of a cell (or column name) of {@code chars} characters, more than {@code max_cell_chars}. */
    DatasetException cellTooLarge(String field, int chars) {
        return DatasetException.tooLarge("cell_too_large", field, field + " has " + chars
                + " characters, more than max_cell_chars = " + maxCellChars + " (allowed: at most " + maxCellChars
                + " characters per cell)");
    }
}
