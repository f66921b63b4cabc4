package org.aibase.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@value #PID}: leases and polling of the job engine. */
@ObjectClassDefinition(name = "AI Base jobs", description = "Durable background jobs: lease renewal and expiry for "
        + "crash recovery and scale-out, polling for jobs submitted on other nodes")
@interface JobsConfiguration {

    String PID = "org.aibase.jobs";

    @AttributeDefinition(name = "Lease renewal (seconds)", description = "How often a node renews the lease of its running jobs")
    double lease_renewal_seconds() default 10;

    @AttributeDefinition(name = "Lease expiry (seconds)", description = "After how long without renewal another node "
            + "recovers a node's running jobs (at least twice the renewal)")
    double lease_expiry_seconds() default 30;

    @AttributeDefinition(name = "Poll interval (milliseconds)", description = "How often a node looks for pending jobs "
            + "submitted on other nodes or whose retry is due")
    long poll_interval_millis() default 1000;
}
