package org.aibase.sandbox.internal;

/** Where the governor's watchdog reports work that ignored its interrupt; the quarantine policy listens. */
interface RunawayReports {

    /** Called on the watchdog's thread, once per unit: returns at once. */
    void runaway(StoppedWork work);
}
