package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesFamiliesSamplesAndEscapedLabels() {
        PrometheusText text = new PrometheusText();
        text.family("aibase_plugin_requests_total", "counter", "HTTP requests");
        text.sample("aibase_plugin_requests_total", "he\"llo", 3);
        text.quantile("d", "p", "0.95", 0.25);
        text.sample("up", null, 1.5);
        assertEquals("""
                # HELP aibase_plugin_requests_total HTTP requests
                # TYPE aibase_plugin_requests_total counter
                aibase_plugin_requests_total{plugin="he\\"llo"} 3
                d{plugin="p",quantile="0.95"} 0.25
                up 1.5
                """, text.toString());
    }
}
