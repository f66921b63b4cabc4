package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.UUID;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.isolation.child.TaskWire;

/**
 * An isolated plugin's tasks in the runtime: its {@link Plugin} service, registered for the plugin, so
 * {@code POST /tasks} and MCP reach the tasks exactly as in-process (admission, governor, metering) and
 * each runs in the plugin's JVM. A task past the plugin's timeout is interrupted there.
 */
final class ChildTasks implements Plugin {

    private final String pluginId;
    private final long standInId;
    private final ChildSupervisor supervisor;
    private final CallsInFlight calls;

    ChildTasks(String pluginId, long standInId, ChildSupervisor supervisor, CallsInFlight calls) {
        this.pluginId = pluginId;
        this.standInId = standInId;
        this.supervisor = supervisor;
        this.calls = calls;
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
        try (CallsInFlight.Scope inFlight = calls.begin(call, standInId)) {
            answer = channel.task(call, request.type(), request.config());
        } catch (InterruptedIOException e) {
            supervisor.overran(channel, call, "task '" + request.type() + "'");
            return TaskResult.failure("timeout", "Task '" + request.type() + "' of plugin '" + pluginId
                    + "' did not end within its timeout", Severity.HIGH);
        } catch (IOException e) {
            return TaskResult.failure("plugin_unavailable", "Plugin '" + pluginId + "' lost its JVM during the task; retry",
                    Severity.MEDIUM);
        }
        return TaskWire.result(answer);
    }
}
