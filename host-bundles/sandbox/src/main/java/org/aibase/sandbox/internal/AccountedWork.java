package org.aibase.sandbox.internal;

import org.aibase.sandbox.Governor;
import org.aibase.sandbox.WorkUnit;

/**
 * The governor's accounting around each task of a plugin's own executors: before a task runs its
 * thread waits while the plugin is over {@code limits.cpu}; while it runs, its CPU and allocations
 * count for the plugin and {@code limits.memory} applies.
 */
final class AccountedWork {

    private final Governor governor;
    private final WorkUnit unit;
    private final ThreadLocal<Governor.Accounted> current = new ThreadLocal<>();

    AccountedWork(Governor governor, WorkUnit unit) {
        this.governor = governor;
        this.unit = unit;
    }

    /** From {@code beforeExecute}: an interrupted wait means the pool is shutting down; the task is not run. */
    void before() {
        try {
            current.set(governor.account(unit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("plugin " + unit.plugin().id() + " is stopping", e);
        }
    }

    /** From {@code afterExecute}. */
    void after() {
        Governor.Accounted accounted = current.get();
        if (accounted != null) {
            current.remove();
            accounted.close();
        }
    }
}
