package org.aibase.rest.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurations;

/** Configurations in memory, type-checked against the defaults as the contract says. */
final class InMemoryPluginConfigurations implements PluginConfigurations {

    final Map<String, Map<String, Object>> defaults = new HashMap<>();
    final Map<String, Map<String, Object>> values = new HashMap<>();

    @Override
    public Map<String, Object> effective(String id) {
        Map<String, Object> declared = defaults.get(id);
        if (declared == null) {
            throw new PluginConfigurationException(PluginConfigurationException.Kind.NOT_FOUND, "No plugin " + id);
        }
        Map<String, Object> effective = new LinkedHashMap<>(declared);
        effective.putAll(values.getOrDefault(id, Map.of()));
        return effective;
    }

    @Override
    public Map<String, Object> update(String id, Map<String, Object> changes) {
        Map<String, Object> declared = effective(id);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object current = defaults.get(id).get(change.getKey());
            if (current == null || change.getValue() != null && !current.getClass().isInstance(change.getValue())) {
                throw new PluginConfigurationException(PluginConfigurationException.Kind.INVALID, "Key '" + change.getKey()
                        + "' must be of type " + (current == null ? "(unknown key)" : current.getClass().getSimpleName()));
            }
        }
        Map<String, Object> operator = values.computeIfAbsent(id, k -> new HashMap<>());
        changes.forEach((k, v) -> {
            if (v == null) {
                operator.remove(k);
            } else {
                operator.put(k, v);
            }
        });
        return declared.isEmpty() ? Map.of() : effective(id);
    }

    @Override
    public Optional<String> rollback(String id) {
        return Optional.empty(); // nothing here activates a plugin
    }
}
