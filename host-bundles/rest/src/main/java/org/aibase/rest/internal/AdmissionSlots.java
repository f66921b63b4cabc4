package org.aibase.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.osgi.service.component.annotations.Component;

/** The per-plugin semaphores of {@link PluginAdmission}, shared by every instance of that prototype filter. */
@Component(service = AdmissionSlots.class)
public final class AdmissionSlots {

    private record Sized(int limit, Semaphore semaphore) {
    }

    private final Map<String, Sized> slots = new ConcurrentHashMap<>();

    /** The plugin's semaphore; a new one when its limit changed (an update): holders release into the old one. */
    Semaphore of(String pluginId, int limit) {
        return slots.compute(pluginId, (id, current) -> current != null && current.limit() == limit
                ? current : new Sized(limit, new Semaphore(limit))).semaphore();
    }
}
