package org.aibase.jobs.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The handlers registered on this node, by plugin and job type; the first for a type wins. */
final class JobHandlers {

    private final ConcurrentMap<String, ConcurrentMap<String, HandlerRegistration>> byPlugin = new ConcurrentHashMap<>();

    /** Adds a handler; false when the plugin already has one for the type. */
    boolean add(HandlerRegistration registration) {
        return byPlugin.computeIfAbsent(registration.plugin(), p -> new ConcurrentHashMap<>())
                .putIfAbsent(registration.type(), registration) == null;
    }

    /** Removes exactly this registration; false when it was not the registered one. */
    boolean remove(HandlerRegistration registration) {
        Map<String, HandlerRegistration> types = byPlugin.get(registration.plugin());
        return types != null && types.remove(registration.type(), registration);
    }

    Optional<HandlerRegistration> get(String plugin, String type) {
        Map<String, HandlerRegistration> types = byPlugin.get(plugin);
        return types == null ? Optional.empty() : Optional.ofNullable(types.get(type));
    }

    /** The plugins with at least one handler. */
    List<String> plugins() {
        return byPlugin.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    /** The types a plugin has handlers for, sorted. */
    Set<String> types(String plugin) {
        Map<String, HandlerRegistration> types = byPlugin.get(plugin);
        return types == null ? Set.of() : new TreeSet<>(types.keySet());
    }

    /** Any of the plugin's registrations (they share the plugin's limits). */
    Optional<HandlerRegistration> any(String plugin) {
        Map<String, HandlerRegistration> types = byPlugin.get(plugin);
        return types == null ? Optional.empty() : types.values().stream().findFirst();
    }
}
