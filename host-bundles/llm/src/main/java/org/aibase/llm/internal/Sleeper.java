package org.aibase.llm.internal;

import java.time.Duration;

/** Waits between retries; tests substitute one that only advances a clock. */
@FunctionalInterface
interface Sleeper {

    /** The real one. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;
}
