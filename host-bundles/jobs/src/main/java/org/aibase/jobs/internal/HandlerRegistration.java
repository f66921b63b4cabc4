package org.aibase.jobs.internal;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.aibase.api.jobs.JobHandler;
import org.aibase.api.plugin.ResourceLimits;

/**
 * A plugin's handler for one job type, with what its service properties declare and where its
 * plugin's limits come from (read at each dispatch, so operator changes apply to the next job).
 */
record HandlerRegistration(String plugin, String type, JobHandler handler, ClassLoader classLoader,
        boolean idempotent, RetryPolicy policy, Supplier<JobLimits> limits) {

    /**
     * Reads a handler service's properties.
     *
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    static HandlerRegistration of(String plugin, JobHandler handler, ClassLoader loader, Map<String, Object> properties,
            Supplier<JobLimits> limits) {
        Object type = properties.get(JobHandler.TYPE);
        if (!(type instanceof String text) || text.isBlank() || text.length() > 100) {
            throw new IllegalArgumentException("a JobHandler needs the service property " + JobHandler.TYPE
                    + " (1..100 characters), had " + type);
        }
        boolean idempotent = Boolean.parseBoolean(String.valueOf(properties.getOrDefault(JobHandler.IDEMPOTENT, "false")));
        int attempts;
        try {
            attempts = Integer.parseInt(String.valueOf(properties.getOrDefault(JobHandler.ATTEMPTS, "1")).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(JobHandler.ATTEMPTS + " must be a whole number, was "
                    + properties.get(JobHandler.ATTEMPTS));
        }
        Object backoffText = properties.get(JobHandler.BACKOFF);
        Duration backoff = backoffText == null ? Duration.ofSeconds(1) : ResourceLimits.parseDuration(String.valueOf(backoffText));
        return new HandlerRegistration(plugin, text, handler, loader, idempotent, new RetryPolicy(attempts, backoff), limits);
    }
}
