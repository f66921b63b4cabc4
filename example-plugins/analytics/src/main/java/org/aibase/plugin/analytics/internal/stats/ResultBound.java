package org.aibase.plugin.analytics.internal.stats;

import java.util.List;

import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetException;
import org.aibase.plugin.analytics.internal.frame.ObjectColumn;
import org.aibase.plugin.analytics.internal.frame.PythonValues;

/**
 * The most bytes an analysis result of a data frame can take as JSON, known when the dataset is
 * posted: the result carries of the data only column names (as keys of several sections and in
 * notes) and values of object columns (top values, mode, chart labels); everything else is a fixed
 * number of figures per column. The insights come from the LLM, not the data, and are counted when
 * the job stores the result.
 */
public final class ResultBound {

    /** Figures, keys and notes of one column's statistics, quality and charts, without its name and values. */
    static final int BYTES_PER_COLUMN = 2048;
    /** A column name appears as a key of each section and in up to a note per figure. */
    static final int NAME_COPIES = 16;
    /** The result's fixed parts: dataset name, counts, quality, sample and notes headers. */
    static final int FIXED_BYTES = 4096;

    private ResultBound() {
    }

    /**
     * Refuses a dataset whose result could exceed {@code max_result_bytes}, naming the limit and the
     * column with the longest values.
     */
    public static void require(DataFrame frame, long maxResultBytes) {
        long bound = bytes(frame);
        if (bound > maxResultBytes) {
            throw DatasetException.tooLarge("result_too_large", "body", "the analysis result of this dataset could take "
                    + bound + " bytes, more than max_result_bytes = " + maxResultBytes + " (allowed: at most " + maxResultBytes
                    + "; the longest values are in column '" + widest(frame.columns()) + "': send shorter text or fewer columns)");
        }
    }

    /** The bound, in bytes of UTF-8 JSON. */
    static long bytes(DataFrame frame) {
        long bytes = FIXED_BYTES;
        int objectColumns = 0;
        for (Column column : frame.columns()) {
            bytes += BYTES_PER_COLUMN + NAME_COPIES * JsonBytes.of(column.name());
            if (column instanceof ObjectColumn o) {
                // its top values and mode; the first few object columns also label a bar chart
                int copies = StatisticsReport.TOP_VALUES + 1 + (objectColumns++ < ChartData.BARS ? ChartData.BAR_VALUES : 0);
                bytes += copies * longest(o);
            }
        }
        return bytes;
    }

    private static long longest(ObjectColumn column) {
        long longest = 0;
        for (Object value : column.values()) {
            longest = Math.max(longest, JsonBytes.of(PythonValues.keyText(value)));
        }
        return longest;
    }

    private static String widest(List<Column> columns) {
        String widest = "";
        long most = -1;
        for (Column column : columns) {
            long size = JsonBytes.of(column.name()) + (column instanceof ObjectColumn o ? longest(o) : 0);
            if (size > most) {
                most = size;
                widest = column.name();
            }
        }
        return widest;
    }
}
