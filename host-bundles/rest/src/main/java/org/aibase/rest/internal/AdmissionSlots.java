package org.aibase.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.aibase.api.plugin.PluginDescriptor;

import org.osgi.service.component.annotations.Component;

/**
 * How many pieces of one plugin's work run at once ({@code limits.concurrency}): its REST requests
 * ({@link PluginAdmission}) and its tasks share the plugin's slots. Work over the limit waits briefly
 * for a slot, then is refused with 429.
 */
@Component(service = AdmissionSlots.class)
public final class AdmissionSlots {

    /** When a plugin declares no {@code limits.concurrency}: the sandbox's default. */
    static final int DEFAULT_CONCURRENCY = 16;
    /** How long work waits for a slot before it is refused. */
    static final long WAIT_MILLIS = 250;

    private record Sized(int limit, Semaphore semaphore) {
    }

    private final Map<String, Sized> slots = new ConcurrentHashMap<>();

    /**
     * Takes one of the plugin's slots, waiting briefly when all are taken; counts waits and refusals.
     *
     * @return the semaphore to release when the work is done
     * @throws ApiException 429 naming the limit when no slot came free in time
     */
    Semaphore admit(PluginDescriptor plugin, PluginMeter meter) {
        int limit = plugin.limits().concurrency().orElse(DEFAULT_CONCURRENCY);
        Semaphore slot = of(plugin.id(), limit);
        if (slot.tryAcquire()) {
            return slot;
        }
        meter.waited();
        try {
            if (slot.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return slot;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meter.rejected();
        throw new ApiException(429, "too_many_requests", "Plugin '" + plugin.id() + "' is serving its limit of "
                + limit + " requests at once; retry shortly", Map.of("limit", limit));
    }

    /** The plugin's semaphore; a new one when its limit changed (an update): holders release into the old one. */
    Semaphore of(String pluginId, int limit) {
        return slots.compute(pluginId, (id, current) -> current != null && current.limit() == limit
                ? current : new Sized(limit, new Semaphore(limit))).semaphore();
    }
}
