package org.aibase.testkit;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits until the plugin under test is active, or fails with its record (the validator's report, OSGi's reason). */
final class PluginActivation {

    private static final Set<String> FINAL = Set.of("rejected", "failed", "quarantined", "stopped");

    private PluginActivation() {
    }

    static void await(RunningRuntime runtime, RuntimeProcess process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            ApiResponse answer = runtime.call("GET", runtime.apiUrl() + "/plugins/" + runtime.pluginId(), null);
            if (answer.status() == 200) {
                JsonNode record = answer.json();
                String state = record.path("state").asText();
                if (state.equals("active")) {
                    return;
                }
                if (FINAL.contains(state)) {
                    throw new AssertionError("plugin " + runtime.pluginId() + " is " + state + ", not active:\n"
                            + record.toPrettyString() + "\n" + process.tail());
                }
            }
            last = answer.status() + " " + answer.body();
            Thread.sleep(100);
        }
        throw new AssertionError("plugin " + runtime.pluginId() + " was not active within " + timeout + " (last answer: "
                + last + ")\n" + process.tail());
    }
}
