package org.aibase.sandbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's background threads: an executor and a scheduler, each running at most
 * {@code limits.concurrency} tasks at once, made on first use and shut down together when the plugin
 * stops. Every task runs under the governor's CPU and memory accounting ({@link AccountedWork}).
 */
final class GovernedExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(GovernedExecutors.class);

    /** Queued tasks beyond which submissions are rejected: a plugin flooding its queue gets an error, not an OOM. */
    static final int QUEUE_CAPACITY = 10_000;

    private static final long STOP_WAIT_MILLIS = 2_000;

    private final String pluginId;
    private final int concurrency;
    private final ThreadFactory threads;
    private final AccountedWork accounting;
    private ThreadPoolExecutor executor;
    private ScheduledThreadPoolExecutor scheduler;
    // what the plugin gets: a cast to ThreadPoolExecutor must not let it raise its own bounds
    private ExecutorService executorView;
    private ScheduledExecutorService schedulerView;
    private boolean closed;

    GovernedExecutors(String pluginId, int concurrency, ThreadFactory threads, AccountedWork accounting) {
        this.pluginId = pluginId;
        this.concurrency = concurrency;
        this.threads = threads;
        this.accounting = accounting;
    }

    /** The executor, made on first use. */
    synchronized ExecutorService executor() {
        checkOpen();
        if (executor == null) {
            executor = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(QUEUE_CAPACITY), threads, new ThreadPoolExecutor.AbortPolicy()) {
                @Override
                protected void beforeExecute(Thread thread, Runnable task) {
                    accounting.before();
                }

                @Override
                protected void afterExecute(Runnable task, Throwable failure) {
                    accounting.after();
                }
            };
            executor.allowCoreThreadTimeOut(true); // an idle plugin holds no threads
            executorView = Executors.unconfigurableExecutorService(executor);
        }
        return executorView;
    }

    /** The scheduler, made on first use. */
    synchronized ScheduledExecutorService scheduler() {
        checkOpen();
        if (scheduler == null) {
            scheduler = new ScheduledThreadPoolExecutor(concurrency, threads) {
                @Override
                protected void beforeExecute(Thread thread, Runnable task) {
                    accounting.before();
                }

                @Override
                protected void afterExecute(Runnable task, Throwable failure) {
                    accounting.after();
                }
            };
            scheduler.setRemoveOnCancelPolicy(true);
            scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
            scheduler.allowCoreThreadTimeOut(true);
            schedulerView = Executors.unconfigurableScheduledExecutorService(scheduler);
        }
        return schedulerView;
    }

    /** Interrupts running tasks, drops queued ones and waits briefly; threads that ignore interrupts are reported. */
    void close() {
        List<ExecutorService> running = new ArrayList<>();
        synchronized (this) {
            closed = true;
            if (executor != null) {
                running.add(executor);
            }
            if (scheduler != null) {
                running.add(scheduler);
            }
        }
        running.forEach(ExecutorService::shutdownNow);
        for (ExecutorService service : running) {
            try {
                if (!service.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    // cannot be killed safely in-process: the isolated level (own JVM) is for such plugins
                    LOG.warn("Plugin {} has background work that ignores interruption; its threads keep running", pluginId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("plugin " + pluginId + " has stopped: its executors are shut down");
        }
    }
}
