package org.aibase.plugin.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.junit.jupiter.api.Test;

class HelloTasksTest {

    private final HelloTasks tasks = new HelloTasks();

    @Test
    void greetsByName() {
        TaskResult result = tasks.execute(new TaskRequest("greet", Map.of("name", " Ada ")));
        assertTrue(result.success());
        assertEquals(Map.of("message", "Hello, Ada!"), result.data());
    }

    @Test
    void aNullNameIsAFailedResultNamingTheField() {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("name", null); // JSON {"name": null} reaches the plugin as it was sent

        TaskResult result = tasks.execute(new TaskRequest("greet", config));

        assertFalse(result.success());
        assertEquals(Optional.of("invalid_config"), result.errorCode());
        assertTrue(result.error().orElseThrow().contains("config.name"));
    }

    @Test
    void echoesItsConfig() {
        Map<String, Object> config = Map.of("a", 1, "b", List.of("x", true));
        assertEquals(config, tasks.execute(new TaskRequest("echo", config)).data());
    }

    @Test
    void anUnknownTypeIsAFailedResultNamingTheAllowedTypes() {
        TaskResult result = tasks.execute(new TaskRequest("shout", Map.of()));
        assertFalse(result.success());
        assertEquals(Optional.of("unknown_task"), result.errorCode());
        assertEquals(Optional.of(Severity.LOW), result.severity());
        assertTrue(result.error().orElseThrow().contains("allowed: greet, echo"));
    }

    @Test
    void aBadNameIsAFailedResult() {
        assertEquals(Optional.of("invalid_config"), tasks.execute(new TaskRequest("greet", Map.of("name", 42))).errorCode());
        assertEquals(Optional.of("invalid_config"),
                tasks.execute(new TaskRequest("greet", Map.of("name", "x".repeat(101)))).errorCode());
    }
}
