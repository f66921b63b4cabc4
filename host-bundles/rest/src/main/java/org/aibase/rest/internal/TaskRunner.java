package org.aibase.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.Requester;
import org.aibase.sandbox.WorkUnit;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plugins' tasks under the {@link Governor}: tracks every {@link Plugin} service by the bundle
 * that registered it (a plugin's {@code bundle_id}) and turns the governor's verdicts into task
 * results — past {@code limits.timeout} or {@code limits.memory} the caller gets a failed result at
 * once and the task is interrupted.
 */
@Component(service = TaskRunner.class)
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Governor governor;
    private final Map<Long, Plugin> handlers = new ConcurrentHashMap<>();

    @Activate
    public TaskRunner(@Reference Governor governor) {
        this.governor = governor;
    }

    @Reference(service = Plugin.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(Plugin plugin, Map<String, Object> properties) {
        handlers.put(bundleId(properties), plugin);
    }

    void removeHandler(Plugin plugin, Map<String, Object> properties) {
        handlers.remove(bundleId(properties), plugin);
    }

    /** The Plugin service registered by the given bundle. */
    public Optional<Plugin> handler(long bundleId) {
        return Optional.ofNullable(handlers.get(bundleId));
    }

    /**
     * Runs a task on a governor thread. The future completes with the task's result; with a failed
     * result {@code timeout} / {@code memory_limit_exceeded} when the governor stopped it; with
     * {@code task_failed} carrying only the message when the task threw (the stack trace is logged);
     * or exceptionally with a 429/503 {@link ApiException} when it could not start. A stopped task that
     * ignores its interrupt counts for the governor's quarantine policy, like any other work.
     *
     * @param requester on whose behalf the task runs ({@link Caller#requester()}): what jobs it submits record
     */
    public CompletableFuture<TaskResult> run(PluginDescriptor plugin, Plugin handler, TaskRequest request,
            Optional<String> requester) {
        WorkUnit unit = new WorkUnit(plugin, WorkUnit.Kind.TASK, "task '" + request.type() + "'", null);
        CompletableFuture<TaskResult> answer = new CompletableFuture<>();
        governor.submit(unit, Requester.actingFor(requester, () -> handler.execute(request))).whenComplete((result, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                answer.complete(result != null ? result
                        : TaskResult.failure("task_failed", "The plugin returned no result", Severity.HIGH));
            } else if (cause instanceof GovernorException stopped) {
                switch (stopped.reason()) {
                    case TIMEOUT, MEMORY_LIMIT -> answer.complete(
                            TaskResult.failure(stopped.reason() == GovernorException.Reason.TIMEOUT ? "timeout" : stopped.reason().code(),
                                    stopped.getMessage(), Severity.HIGH));
                    default -> answer.completeExceptionally(new ApiException(stopped.reason().status(),
                            stopped.reason().code(), stopped.getMessage(), stopped.details()));
                }
            } else {
                LOG.warn("Task '{}' of plugin {} failed", request.type(), plugin.id(), StackTraces.cut(cause));
                String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                answer.complete(TaskResult.failure("task_failed", message, Severity.HIGH));
            }
        });
        return answer;
    }

    @Deactivate
    void deactivate() {
        handlers.clear();
    }

    private static long bundleId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_BUNDLEID)).longValue();
    }
}
