package org.aibase.rest.internal;

import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.deployer.RegistryException;

/** Finding a plugin by the id in a URL, with the same 404 everywhere. */
final class PluginLookup {

    private PluginLookup() {
    }

    static PluginRecord require(PluginRegistry registry, String id) {
        return registry.plugin(id).orElseThrow(
                () -> new RegistryException(RegistryException.Kind.NOT_FOUND, "No plugin with id '" + id + "'"));
    }
}
