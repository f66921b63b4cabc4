package org.aibase.rest.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plugins' tasks on a bounded pool: tracks every {@link Plugin} service by the bundle that
 * registered it (a plugin's {@code bundle_id}) and runs a task with a timeout, after which the
 * caller gets a failed result at once and the task is interrupted.
 */
@Component(service = TaskRunner.class, configurationPid = TaskRunner.PID)
@Designate(ocd = TaskRunner.Settings.class)
public final class TaskRunner {

    static final String PID = "org.aibase.rest.tasks";

    @ObjectClassDefinition(name = "AI Base plugin tasks", description = "POST /api/v1/plugins/{id}/tasks")
    @interface Settings {
        @AttributeDefinition(name = "Threads", min = "1", description = "Tasks running at once, over all plugins")
        int threads() default 4;

        @AttributeDefinition(name = "Queue", min = "0", description = "Tasks waiting for a thread; more answer 503")
        int queue() default 64;

        @AttributeDefinition(name = "Default timeout (seconds)", min = "1",
                description = "For plugins whose descriptor declares no limits.timeout")
        int default_timeout_seconds() default 30;

        @AttributeDefinition(name = "Quarantine grace (seconds)", min = "1",
                description = "How long an interrupted task may take to stop before its plugin is quarantined")
        int quarantine_grace_seconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService watchdog;
    private final Duration defaultTimeout;
    private final Duration grace;
    private final Map<Long, Plugin> handlers = new ConcurrentHashMap<>();

    @Activate
    public TaskRunner(Settings settings) {
        this(settings.threads(), settings.queue(), Duration.ofSeconds(settings.default_timeout_seconds()),
                Duration.ofSeconds(settings.quarantine_grace_seconds()));
    }

    TaskRunner(int threads, int queue, Duration defaultTimeout) {
        this(threads, queue, defaultTimeout, Duration.ofSeconds(5));
    }

    TaskRunner(int threads, int queue, Duration defaultTimeout, Duration grace) {
        require(threads >= 1, "threads", threads);
        require(queue >= 0, "queue", queue);
        require(!defaultTimeout.isNegative() && !defaultTimeout.isZero(), "default.timeout.seconds", defaultTimeout);
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, waiting, new TaskThreads());
        this.executor.allowCoreThreadTimeOut(true);
        this.defaultTimeout = defaultTimeout;
        require(!grace.isNegative() && !grace.isZero(), "quarantine.grace.seconds", grace);
        this.grace = grace;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "aibase-task-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(service = Plugin.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(Plugin plugin, Map<String, Object> properties) {
        handlers.put(bundleId(properties), plugin);
    }

    void removeHandler(Plugin plugin, Map<String, Object> properties) {
        handlers.remove(bundleId(properties), plugin);
    }

    /** The Plugin service registered by the given bundle. */
    Optional<Plugin> handler(long bundleId) {
        return Optional.ofNullable(handlers.get(bundleId));
    }

    Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Runs a task and waits at most {@code timeout}. Past it: failed result {@code timeout} and the
     * task's thread is interrupted; a task still running {@code grace} after that ignored the
     * interrupt, and {@code runaway} is told why (the caller quarantines the plugin: its thread
     * cannot be stopped in-process). A task that throws: failed result {@code task_failed} with the
     * message only (the stack trace is logged).
     *
     * @throws ApiException 503 when the pool and its queue are full
     */
    TaskResult run(String pluginId, Plugin plugin, TaskRequest request, Duration timeout, Consumer<String> runaway) {
        Future<TaskResult> future;
        AtomicBoolean finished = new AtomicBoolean();
        try {
            future = executor.submit(() -> {
                try {
                    return plugin.execute(request);
                } finally {
                    finished.set(true);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "busy", "Too many tasks are running or waiting; try again shortly");
        }
        try {
            TaskResult result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result != null ? result
                    : TaskResult.failure("task_failed", "The plugin returned no result", Severity.HIGH);
        } catch (TimeoutException e) {
            future.cancel(true);
            watchRunaway(pluginId, request, timeout, finished, runaway);
            return TaskResult.failure("timeout", "Task '" + request.type() + "' did not finish within "
                    + timeout.toMillis() + " ms", Severity.HIGH);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Task '{}' of plugin {} failed", request.type(), pluginId, cause);
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return TaskResult.failure("task_failed", message, Severity.HIGH);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return TaskResult.failure("interrupted", "The request was interrupted", Severity.MEDIUM);
        }
    }

    private void watchRunaway(String pluginId, TaskRequest request, Duration timeout, AtomicBoolean finished,
            Consumer<String> runaway) {
        try {
            watchdog.schedule(() -> {
                if (!finished.get()) {
                    String reason = "task '" + request.type() + "' ignored its interrupt: still running " + grace.toMillis()
                            + " ms after its timeout of " + timeout.toMillis() + " ms";
                    LOG.warn("Plugin {}: {}", pluginId, reason);
                    runaway.accept(reason);
                }
            }, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // deactivating: the executor's threads are interrupted anyway
        }
    }

    @Deactivate
    void deactivate() {
        watchdog.shutdownNow();
        executor.shutdownNow();
        handlers.clear();
    }

    private static long bundleId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_BUNDLEID)).longValue();
    }

    private static void require(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " of " + PID + " is out of range: " + value);
        }
    }

    /** Named threads, so a stuck task shows up in a thread dump as what it is. */
    private static final class TaskThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "aibase-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
