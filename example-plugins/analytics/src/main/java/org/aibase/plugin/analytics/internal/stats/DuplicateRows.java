package org.aibase.plugin.analytics.internal.stats;

import java.util.List;

import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;

/**
 * Counts rows equal to an earlier row, as pandas' {@code duplicated().sum()}: every row is hashed
 * column by column (each inner loop sees one column type), then an open-addressing table of row
 * numbers finds equal hashes, and equal hashes are confirmed cell by cell.
 */
final class DuplicateRows {

    private DuplicateRows() {
    }

    static int count(DataFrame frame) {
        int rows = frame.rows();
        List<Column> columns = frame.columns();
        long[] hashes = new long[rows];
        for (Column column : columns) {
            for (int r = 0; r < rows; r++) {
                hashes[r] = mix(hashes[r] * 0x9E3779B97F4A7C15L + column.rowKey(r));
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] table = new int[capacity]; // row + 1; 0 is empty
        int duplicates = 0;
        for (int r = 0; r < rows; r++) {
            long h = hashes[r];
            int slot = (int) h & mask;
            while (true) {
                int other = table[slot] - 1;
                if (other < 0) {
                    table[slot] = r + 1;
                    break;
                }
                if (hashes[other] == h && equalRows(columns, other, r)) {
                    duplicates++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return duplicates;
    }

    private static boolean equalRows(List<Column> columns, int a, int b) {
        for (Column c : columns) {
            if (c.rowKey(a) != c.rowKey(b)) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
