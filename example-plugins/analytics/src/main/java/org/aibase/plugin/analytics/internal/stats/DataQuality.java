package org.aibase.plugin.analytics.internal.stats;

import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;

/**
 * The seed's data quality: completeness = 1 - missing cells / cells, uniqueness = 1 - duplicate
 * rows / rows, overall = their mean, each rounded to 3 decimals as Python's {@code round};
 * "excellent" above 0.9, "good" above 0.7, "fair" above 0.5, else "poor".
 */
public record DataQuality(double completeness, double uniqueness, double overallScore, String assessment,
        long missingCells, int duplicateRows) {

    /** Assesses every row and cell. */
    public static DataQuality of(DataFrame frame) {
        long missing = 0;
        for (Column c : frame.columns()) {
            missing += c.missing();
        }
        int duplicates = DuplicateRows.count(frame);
        double completeness = 1 - (double) missing / frame.cells();
        double uniqueness = 1 - (double) duplicates / frame.rows();
        double overall = (completeness + uniqueness) / 2;
        String assessment = overall > 0.9 ? "excellent" : overall > 0.7 ? "good" : overall > 0.5 ? "fair" : "poor";
        return new DataQuality(round3(completeness), round3(uniqueness), round3(overall), assessment, missing, duplicates);
    }

    /** Python's {@code round(x, 3)}: correctly rounded, ties to even on the exact binary value. */
    static double round3(double x) {
        return new java.math.BigDecimal(x).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
