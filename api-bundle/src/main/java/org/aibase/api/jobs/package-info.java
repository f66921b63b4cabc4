/**
 * Durable background jobs: a plugin registers {@link org.aibase.api.jobs.JobHandler} services by job
 * type and submits work through its {@link org.aibase.api.jobs.JobService}; records survive restarts.
 */
@Export
@Version("1.0.0")
package org.aibase.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
