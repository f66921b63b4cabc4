package org.aibase.sandbox;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs plugins' work under their limits: {@code limits.concurrency} (slots shared by requests and
 * tasks), {@code limits.cpu} (CPU time per second averaged over 10 s: over it, new work waits),
 * {@code limits.memory} (bytes one unit may allocate) and {@code limits.timeout}. Work past a limit
 * is interrupted and its caller told at once; work that ignores the interrupt is a runaway, which
 * the governor reports to the one quarantine policy ({@link Quarantines}). For host bundles only:
 * plugins never see this service.
 */
public interface Governor {

    /**
     * Runs a request or task on a governor-owned thread. Never throws, and never waits: work over its
     * plugin's concurrency waits in line for a slot (up to 250 ms) without holding the caller's thread.
     * The future completes with the work's value, with the work's own exception, or with a
     * {@link GovernorException} when the work was refused, timed out or exceeded its memory budget.
     */
    <T> CompletableFuture<T> submit(WorkUnit unit, Callable<T> work);

    /**
     * Accounts background work about to run on the calling thread (a plugin's own executor thread):
     * waits while the plugin is over its CPU limit, then meters the thread's CPU and allocations until
     * the returned handle is closed; past {@code limits.memory} the thread is interrupted.
     *
     * @throws InterruptedException when the thread was interrupted while waiting for CPU budget
     */
    Accounted account(WorkUnit unit) throws InterruptedException;

    /** The meter of the plugin's HTTP requests, the same one for the plugin id as long as the platform runs. */
    RequestMeter requests(String pluginId);

    /** What the plugin's work has cost; {@link PluginLoad#NONE} when it never ran. */
    PluginLoad load(String pluginId);

    /** The load of every plugin that ran work, by id. */
    Map<String, PluginLoad> loads();

    /** Background work being accounted on its own thread; close it when the work ends. */
    interface Accounted extends AutoCloseable {

        /** Why the governor stopped (interrupted) the work, if it did: e.g. past {@code limits.memory}. */
        java.util.Optional<GovernorException> stopped();

        @Override
        void close();
    }
}
