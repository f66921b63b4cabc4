package org.aibase.plugin.analytics.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Stored bodies come back byte for byte; a damaged one is reported, not half read. */
class DatasetDeflationTest {

    @Test
    void aBodyComesBackExactlyAndSmaller() {
        StringBuilder csv = new StringBuilder("id,region,amount\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",region_0").append(i % 7).append(',').append(i * 0.25).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] deflated = JpaDatasetStore.deflate(body);
        assertTrue(deflated.length < body.length / 3, deflated.length + " of " + body.length);
        assertArrayEquals(body, JpaDatasetStore.inflate(deflated, body.length));
        assertArrayEquals(new byte[0], JpaDatasetStore.inflate(JpaDatasetStore.deflate(new byte[0]), 0));
    }

    @Test
    void aDamagedBodyIsReported() {
        byte[] body = "a,b\n1,2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] deflated = JpaDatasetStore.deflate(body);
        byte[] truncated = Arrays.copyOf(deflated, deflated.length / 2);
        assertThrows(IllegalStateException.class, () -> JpaDatasetStore.inflate(truncated, body.length));
        assertThrows(IllegalStateException.class, () -> JpaDatasetStore.inflate(deflated, body.length + 5));
    }
}
