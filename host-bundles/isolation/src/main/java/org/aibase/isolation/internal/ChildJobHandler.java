package org.aibase.isolation.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.plugin.PluginException;

/**
 * One job type of an isolated plugin in the runtime: registered for the plugin's stand-in with the
 * plugin's own handler properties, so the platform's job engine runs it exactly as in-process (its
 * queue, {@code limits.jobs}, retries, timeout, node leases), each attempt in the plugin's JVM. An
 * attempt the engine interrupts (cancelled, timed out) is interrupted there; the JVM is killed if it
 * still runs after the runaway grace.
 */
final class ChildJobHandler implements JobHandler {

    /** How long an attempt waits for a JVM that is (re)starting; the engine's job timeout still applies. */
    private static final Duration WAIT_FOR_START = Duration.ofSeconds(60);

    private final String pluginId;
    private final long standInId;
    private final ChildSupervisor supervisor;
    private final CallsInFlight calls;

    ChildJobHandler(String pluginId, long standInId, ChildSupervisor supervisor, CallsInFlight calls) {
        this.pluginId = pluginId;
        this.standInId = standInId;
        this.supervisor = supervisor;
        this.calls = calls;
    }

    @Override
    public String run(JobContext context) throws Exception {
        ChildChannel channel;
        try {
            channel = supervisor.channel(WAIT_FOR_START);
        } catch (ChildSupervisor.ChildUnavailable e) {
            throw new JobException(JobException.UNAVAILABLE, "plugin '" + pluginId + "' is " + e.state()
                    + " in its own JVM");
        }
        String call = UUID.randomUUID().toString();
        Map<String, Object> answer;
        try (CallsInFlight.Scope running = calls.beginJob(call, standInId, context)) {
            answer = channel.job(call, context);
        } catch (InterruptedException e) {
            supervisor.overran(channel, call, "job " + context.id() + " ('" + context.type() + "')");
            throw e;
        } catch (IOException e) {
            throw new JobException(JobException.UNAVAILABLE, "plugin '" + pluginId + "' lost its JVM during the job");
        }
        if (answer.get("failure") instanceof Map<?, ?> failure) {
            String code = String.valueOf(failure.get("code"));
            String message = String.valueOf(failure.get("message"));
            throw switch (String.valueOf(failure.get("kind"))) {
                case "plugin" -> new PluginException(code, message);
                case "job" -> new JobException(code, message);
                default -> new IllegalStateException("in the plugin's JVM: " + message);
            };
        }
        Object result = answer.get("result");
        return result == null ? null : String.valueOf(result);
    }
}
