package org.aibase.plugin.analytics.internal.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** numpy.histogram's edges and counts (numpy 1.24 printed the expected arrays) and the sample. */
class HistogramTest {

    @Test
    void countsAndEdgesAreNumpys() {
        Histogram h = Histogram.of(new double[] {1, 2, 2, 3, 10, 0.1, 7.7, Double.NaN}, 20);
        assertArrayEquals(new long[] {1, 1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1}, h.counts());
        assertEquals(0.595, h.edges()[1], 1e-15);
        assertEquals(10.0, h.edges()[20]);
    }

    @Test
    void oneDistinctValueWidensTheRange() {
        Histogram h = Histogram.of(new double[] {4, 4, 4}, 20);
        assertEquals(3.5, h.edges()[0]);
        assertEquals(4.5, h.edges()[20]);
        assertEquals(3, h.counts()[10]);
    }

    @Test
    void sampleIsReproducibleUniqueAndOrdered() {
        RowSample a = RowSample.of(1_000_000, 10_000, RowSample.SEED);
        RowSample b = RowSample.of(1_000_000, 10_000, RowSample.SEED);
        assertArrayEquals(a.rows(), b.rows());
        for (int i = 1; i < a.rows().length; i++) {
            org.junit.jupiter.api.Assertions.assertTrue(a.rows()[i] > a.rows()[i - 1]);
        }
        assertEquals(5, RowSample.of(5, 10, 1).rows().length);
    }
}
