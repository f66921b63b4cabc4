package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;

/**
 * An isolated plugin's tasks in the runtime: its {@link Plugin} service, registered for the plugin, so
 * {@code POST /tasks} and MCP reach the tasks exactly as in-process (admission, governor, metering) and
 * each runs in the plugin's JVM. A task past the plugin's timeout is interrupted there.
 */
final class ChildTasks implements Plugin {

    private final String pluginId;
    private final ChildSupervisor supervisor;
    private final Duration timeout;

    ChildTasks(String pluginId, ChildSupervisor supervisor, Duration timeout) {
        this.pluginId = pluginId;
        this.supervisor = supervisor;
        this.timeout = timeout;
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        ChildChannel channel;
        try {
            channel = supervisor.channel(ChildSupervisor.WAIT_FOR_START);
        } catch (ChildSupervisor.ChildUnavailable e) {
            return TaskResult.failure("plugin_unavailable", "Plugin '" + pluginId + "' is " + e.state()
                    + " in its own JVM; retry in " + e.retryAfterSeconds() + " s", Severity.MEDIUM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskResult.failure("timeout", "Plugin '" + pluginId + "' did not start in time", Severity.HIGH);
        }
        String call = UUID.randomUUID().toString();
        Map<String, Object> answer;
        try {
            answer = channel.task(call, request.type(), request.config(), timeout);
        } catch (InterruptedIOException e) {
            supervisor.overran(channel, call, "task '" + request.type() + "'");
            return TaskResult.failure("timeout", "Task '" + request.type() + "' of plugin '" + pluginId
                    + "' did not end within its timeout", Severity.HIGH);
        } catch (IOException e) {
            return TaskResult.failure("plugin_unavailable", "Plugin '" + pluginId + "' lost its JVM during the task; retry",
                    Severity.MEDIUM);
        }
        return result(answer);
    }

    @SuppressWarnings("unchecked")
    static TaskResult result(Map<String, Object> json) {
        Map<String, Object> data = json.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Optional<String> jobId = Optional.ofNullable((String) json.get("job_id"));
        if (Boolean.TRUE.equals(json.get("success"))) {
            return jobId.map(id -> TaskResult.submitted(id, data)).orElseGet(() -> TaskResult.ok(data));
        }
        Severity severity = Severity.HIGH;
        for (Severity s : Severity.values()) {
            if (s.id().equals(json.get("severity"))) {
                severity = s;
            }
        }
        return new TaskResult(false, data, Optional.ofNullable((String) json.get("error")),
                Optional.ofNullable((String) json.get("error_code")), Optional.of(severity), Optional.empty());
    }
}
