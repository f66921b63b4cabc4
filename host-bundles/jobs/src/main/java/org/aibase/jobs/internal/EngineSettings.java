package org.aibase.jobs.internal;

import java.time.Duration;

/**
 * How often a node renews the leases of its running jobs, after how long an unrenewed lease expires
 * (its jobs are then recovered by another node), and how often it looks for pending jobs that were
 * submitted elsewhere or whose retry is due.
 */
record EngineSettings(Duration leaseRenewal, Duration leaseExpiry, Duration pollInterval) {

    static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(1));

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the key of PID {@code org.aibase.jobs} that is wrong
     */
    EngineSettings {
        if (leaseRenewal.toMillis() < 100) {
            throw new IllegalArgumentException("lease.renewal.seconds must be at least 0.1, was " + seconds(leaseRenewal));
        }
        if (leaseExpiry.compareTo(leaseRenewal.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lease.expiry.seconds (" + seconds(leaseExpiry)
                    + ") must be at least twice lease.renewal.seconds (" + seconds(leaseRenewal) + ")");
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("poll.interval.millis must be at least 10, was " + pollInterval.toMillis());
        }
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }
}
