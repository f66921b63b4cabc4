package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Limits read as words with the unit in the value, never a key with a unit suffix. */
class LimitLabelsTest {

    @Test
    void labelsAreWordsWithoutTheUnitSuffix() {
        assertEquals("Timeout", LimitLabels.label("timeout_ms"));
        assertEquals("Job timeout", LimitLabels.label("job_timeout_ms"));
        assertEquals("Memory", LimitLabels.label("memory_bytes"));
        assertEquals("Storage", LimitLabels.label("storage_bytes"));
        assertEquals("CPU", LimitLabels.label("cpu"));
        assertEquals("LLM tokens per hour", LimitLabels.label("llm_tokens_per_hour"));
        assertEquals("Concurrency", LimitLabels.label("concurrency"));
    }

    @Test
    void valuesCarryTheirUnit() {
        assertEquals("2 min", LimitLabels.value("timeout_ms", 120_000L));
        assertEquals("256 MiB", LimitLabels.value("memory_bytes", 256L * 1024 * 1024));
        assertEquals("1.5 cores", LimitLabels.value("cpu", 1.5));
        assertEquals("1 core", LimitLabels.value("cpu", 1.0));
        assertEquals("4 at once", LimitLabels.value("concurrency", 4));
        assertEquals("2 at once", LimitLabels.value("jobs", 2));
        assertEquals("5000", LimitLabels.value("llm_tokens_per_hour", 5000L));
    }
}
