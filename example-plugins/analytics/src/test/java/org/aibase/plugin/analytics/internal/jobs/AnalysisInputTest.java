package org.aibase.plugin.analytics.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.junit.jupiter.api.Test;

/** A job's input carries a reference, the settings and the limits, and reads back as written. */
class AnalysisInputTest {

    @Test
    void readsBackWhatItWrote() {
        AnalysisInput input = new AnalysisInput("d-1", new AnalysisSettings("basic", false, "fast", 1.25, 77),
                new DatasetLimits(1234, 56, 789, 4321L));
        String json = input.toJson();
        assertEquals(input, AnalysisInput.parse(json));
        assertEquals("d-1", AnalysisInput.datasetIdOf(json));
        assertFalse(json.contains("records"), "a reference, never the data");
    }

    @Test
    void anInputWithoutADatasetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AnalysisInput.parse("{\"settings\":{}}"));
        assertThrows(IllegalArgumentException.class, () -> AnalysisInput.parse("not json"));
        assertNull(AnalysisInput.datasetIdOf("{}"));
    }
}
