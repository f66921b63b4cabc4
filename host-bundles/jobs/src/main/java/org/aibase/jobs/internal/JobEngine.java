package org.aibase.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;

import org.aibase.api.jobs.JobException;
import org.aibase.api.plugin.PluginException;
import org.aibase.sandbox.PlatformThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this node's share of the jobs: claims pending jobs of the plugins whose handlers are here
 * (within each plugin's {@code limits.jobs}, oldest first), runs them on job threads, records each
 * outcome for the current attempt only, renews the leases of its running jobs and recovers jobs whose
 * node died (its own after a restart, others' once their lease expired).
 *
 * <p>Claiming, the lease tick and time-outs run on one scheduler thread, so this node's view of its
 * executions changes in one place; handlers run on the job threads.
 */
final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    /** Pending jobs read per plugin per round beyond its free slots, in case some are claimed elsewhere. */
    private static final int LOOKAHEAD = 4;

    private final JobStore store;
    private final String node;
    private final Clock clock;
    private final JobHandlers handlers = new JobHandlers();
    private final ConcurrentMap<String, Execution> executions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile EngineSettings settings;
    private volatile boolean closed;

    JobEngine(JobStore store, String node, EngineSettings settings, Clock clock) {
        this.store = store;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                PlatformThreads.numbered("aibase-jobs-scheduler-", JobEngine.class.getClassLoader()));
        // a thread ends with its job: what the plugin's handler leaves in thread-locals (objects of its own
        // classes) goes with it, instead of keeping an updated plugin's old class loader for as long as a
        // pooled thread lives; a job runs for long enough that starting a thread for it costs nothing
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                PlatformThreads.numbered("aibase-job-", JobEngine.class.getClassLoader()));
    }

    /** Recovers what this node left running, then starts claiming and renewing. */
    void start() {
        scheduler.execute(this::tick);
        scheduler.schedule(this::poll, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    String node() {
        return node;
    }

    long now() {
        return clock.millis();
    }

    JobStore store() {
        return store;
    }

    JobHandlers handlers() {
        return handlers;
    }

    void settings(EngineSettings changed) {
        this.settings = changed;
    }

    /** Adds a handler and looks for its pending jobs; false when the plugin has one for the type already. */
    boolean register(HandlerRegistration registration) {
        boolean added = handlers.add(registration);
        if (added) {
            wake();
        } else {
            LOG.warn("plugin {} registers a second JobHandler for type '{}'; the first one stays in use",
                    registration.plugin(), registration.type());
        }
        return added;
    }

    /**
     * Removes a handler (its plugin stops or withdraws it): its running attempts are interrupted and
     * left to the recovery rules, so an idempotent job runs again and any other fails with the reason.
     */
    void unregister(HandlerRegistration registration) {
        if (!handlers.remove(registration)) {
            return;
        }
        for (Execution execution : executions.values()) {
            if (execution.registration() == registration && execution.end(Execution.State.ABANDONED)) {
                execution.interrupt();
                safely("recover a job of a stopped plugin", () -> store.recover(execution.asRunning(),
                        "interrupted: plugin " + registration.plugin() + " stopped", clock.millis()));
            }
        }
    }

    /** Interrupts the job's attempt if it runs here (after the store recorded the cancellation). */
    void cancelled(String id) {
        for (Execution execution : executions.values()) {
            if (execution.id().equals(id) && execution.end(Execution.State.CANCELLED)) {
                execution.interrupt();
            }
        }
    }

    /** Asks for a claiming round soon (after a submission, a finished attempt, a new handler). */
    void wake() {
        if (!closed && wakeQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    wakeQueued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false); // closing
            }
        }
    }

    /** The attempts running on this node now. */
    int runningCount() {
        return executions.size();
    }

    /**
     * Stops claiming and interrupts the attempts running here. Their records are recovered at once
     * (idempotent ones become pending, others fail), so no node waits for a lease to expire.
     */
    void close(Duration grace) {
        closed = true;
        scheduler.shutdownNow();
        for (Execution execution : executions.values()) {
            if (execution.end(Execution.State.ABANDONED)) {
                execution.interrupt();
                safely("recover a job at shutdown", () -> store.recover(execution.asRunning(),
                        "interrupted by restart (node " + node + " shut down)", clock.millis()));
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} job threads did not stop within {} after being interrupted", executions.size(), grace);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        dispatch();
        if (!closed) {
            scheduler.schedule(this::poll, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The lease tick: recover orphans here and expired leases elsewhere, renew ours, notice cancellations. */
    private void tick() {
        safely("run the lease tick", () -> {
            long now = clock.millis();
            for (RunningJob job : store.runningOn(node)) {
                if (!runsHere(job)) {
                    if (store.recover(job, "interrupted by restart of node " + node, now)) {
                        LOG.info("job {} was left running by an earlier run of this node; recovered", job.id());
                    }
                }
            }
            store.renewLeases(node, now + settings.leaseExpiry().toMillis());
            for (RunningJob job : store.expiredLeases(node, now)) {
                if (store.recover(job, "interrupted by restart: node " + job.node() + " stopped renewing its lease", now)) {
                    LOG.info("job {} of node {} recovered: its lease expired", job.id(), job.node());
                }
            }
            for (String id : store.notRunning(executions.values().stream().map(Execution::id).distinct().toList())) {
                cancelled(id); // cancelled through another node, or recovered by one
            }
        });
        if (!closed) {
            scheduler.schedule(this::tick, settings.leaseRenewal().toMillis(), TimeUnit.MILLISECONDS);
        }
        dispatch();
    }

    private boolean runsHere(RunningJob job) {
        Execution execution = executions.get(job.id() + "#" + job.attempt());
        return execution != null;
    }

    /** One claiming round: for each plugin with handlers here, claim up to its free slots. */
    private void dispatch() {
        if (closed) {
            return;
        }
        for (String plugin : handlers.plugins()) {
            safely("claim jobs of plugin " + plugin, () -> dispatch(plugin));
        }
    }

    private void dispatch(String plugin) {
        HandlerRegistration any = handlers.any(plugin).orElse(null);
        if (any == null) {
            return;
        }
        JobLimits limits = any.limits().get();
        int free = limits.concurrency() - (int) executions.values().stream().filter(e -> e.plugin().equals(plugin)).count();
        if (free <= 0) {
            return;
        }
        long now = clock.millis();
        for (PendingJob pending : store.pending(plugin, handlers.types(plugin), now, free + LOOKAHEAD)) {
            if (free == 0 || closed) {
                return;
            }
            HandlerRegistration handler = handlers.get(plugin, pending.type()).orElse(null);
            if (handler == null) {
                continue;
            }
            var claimed = store.claim(pending.id(), node, now, now + settings.leaseExpiry().toMillis(),
                    handler.idempotent(), handler.policy());
            if (claimed.isPresent()) {
                launch(new Execution(claimed.get(), handler, store, node), limits.timeout());
                free--;
            }
        }
    }

    private void launch(Execution execution, Duration timeout) {
        executions.put(execution.key(), execution);
        execution.timeoutTask(scheduler.schedule(() -> timeOut(execution, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            workers.execute(() -> run(execution));
        } catch (RejectedExecutionException e) {
            executions.remove(execution.key()); // closing: the record stays running and is recovered
        }
    }

    private void run(Execution execution) {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        String previousName = thread.getName();
        try {
            if (!execution.attach(thread)) {
                return;
            }
            thread.setContextClassLoader(execution.registration().classLoader());
            thread.setName("aibase-job-" + execution.plugin() + "-" + execution.id().substring(0, 8));
            String result = execution.registration().handler().run(execution);
            if (execution.end(Execution.State.FINISHED)) {
                String json = result == null ? "null" : JsonText.isJson(result) ? result : JsonText.quote(result);
                safely("record a completion", () -> {
                    if (!store.complete(execution.id(), execution.attempt(), json, clock.millis())) {
                        LOG.info("job {} attempt {} finished but is no longer current; its result is not recorded",
                                execution.id(), execution.attempt());
                    }
                });
            }
        } catch (Throwable e) {
            if (execution.end(Execution.State.FINISHED)) {
                failed(execution, describe(execution, e));
            }
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
        } finally {
            execution.detach();
            Thread.interrupted(); // an interrupt aimed at this attempt must not hit the thread's next job
            thread.setContextClassLoader(previousLoader);
            thread.setName(previousName);
            execution.cancelTimeout();
            executions.remove(execution.key());
            wake();
        }
    }

    private void timeOut(Execution execution, Duration timeout) {
        if (execution.end(Execution.State.TIMED_OUT)) {
            execution.interrupt();
            failed(execution, "timed out after " + human(timeout) + " (limits.job_timeout)");
        }
    }

    /** Records a failed attempt: a retry while the handler's policy allows one, else the final failure. */
    private void failed(Execution execution, String error) {
        RetryPolicy policy = execution.registration().policy();
        int attempt = execution.attempt();
        safely("record a failure", () -> {
            if (policy.retriesAfter(attempt)) {
                long due = clock.millis() + policy.delayAfter(attempt).toMillis();
                store.retry(execution.id(), attempt, "attempt " + attempt + " failed: " + error, due);
            } else {
                store.fail(execution.id(), attempt, error, clock.millis());
            }
        });
    }

    /**
     * The error a failed attempt records, which any user of the job reads: a {@link PluginException}'s
     * or {@link JobException}'s message is the plugin's word to its users and is kept; anything else
     * (a SQL statement, a stack of library types) is internal and goes to the log under an error id
     * the record names.
     */
    static String describe(Execution execution, Throwable e) {
        if ((e instanceof PluginException || e instanceof JobException) && e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.warn("Job {} of plugin {} failed unexpectedly, error id {}", execution.id(), execution.plugin(), errorId, e);
        return "failed unexpectedly; the server log has the details under error id " + errorId;
    }

    static String human(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Runs a step that touches the database; a failure is logged and the step tried again next round. */
    private static void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("could not {}: {}", what, e.getMessage());
        }
    }

    List<String> runningIds() {
        return executions.values().stream().map(Execution::id).toList();
    }

    Map<String, Execution> executions() {
        return executions;
    }

}
