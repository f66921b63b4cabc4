package org.aibase.sandbox.internal;

import java.util.function.BooleanSupplier;

/**
 * Work the governor stopped (past its timeout or memory budget) that ignored its interrupt: the
 * quarantine policy watches it until its thread returns.
 *
 * @param pluginId whose work it is
 * @param name the work's name, e.g. {@code GET /api/v1/hello/slow} or {@code task 'spin'}
 * @param description what the watchdog saw, naming the work and why it was stopped
 * @param stoppedAtNanos when it was stopped ({@link System#nanoTime()})
 * @param running whether its thread still runs it
 */
record StoppedWork(String pluginId, String name, String description, long stoppedAtNanos, BooleanSupplier running) {
}
