package org.aibase.sandbox.internal;

/**
 * One work thread's hand-over of a concurrency slot: while a request ends on the thread, the unit first
 * in line takes its slot, and is kept for this thread to run next (once the request is completed)
 * instead of waking another. Under load half of a plugin's requests may wait in line for a slot; each
 * such hand-over to a sleeping thread costs a wake-up and a context switch, which this saves. Only its
 * own thread touches it.
 */
final class SlotHandover {

    private boolean open;
    private RunningUnit<?> next;

    /** Ends a unit ({@code ending}): a unit started meanwhile may be kept. */
    void during(Runnable ending) {
        open = true;
        try {
            ending.run();
        } finally {
            open = false;
        }
    }

    /**
     * Keeps a unit to run next, if a unit is ending here and none is kept yet; false otherwise (the
     * caller starts it on another thread). Never while a unit's work runs: work that starts a unit and
     * waits for it would wait for itself.
     */
    boolean keep(RunningUnit<?> unit) {
        if (!open || next != null) {
            return false;
        }
        next = unit;
        return true;
    }

    /** The unit kept to run next, no longer kept; null if none. */
    RunningUnit<?> next() {
        RunningUnit<?> kept = next;
        next = null;
        return kept;
    }
}
