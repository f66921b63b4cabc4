package org.aibase.deployer.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.aibase.deployer.PluginGateway;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link PluginGateway} at once: the deployer holds a plugin's calls in all of them before it
 * changes the plugin and releases them after, and a plugin is served when every gateway serves it.
 * With no gateway there is nothing to hold and nothing to wait for.
 */
final class Gateways {

    private static final Logger LOG = LoggerFactory.getLogger(Gateways.class);

    private final Supplier<List<PluginGateway>> gateways;

    Gateways(Supplier<List<PluginGateway>> gateways) {
        this.gateways = gateways;
    }

    /** Gateways that are never there: for tests of the deployer alone. */
    static Gateways none() {
        return new Gateways(List::of);
    }

    /** A plugin change, from hold to release: the change runs between the two. */
    void changing(String pluginId, Runnable change) {
        List<PluginGateway> current = gateways.get();
        current.forEach(gateway -> hold(gateway, pluginId));
        try {
            change.run();
        } finally {
            current.forEach(gateway -> release(gateway, pluginId));
        }
    }

    /** Completes when every gateway serves the bundle's current revision; exceptionally with the first refusal. */
    CompletableFuture<Void> served(Bundle plugin) {
        CompletableFuture<?>[] all = gateways.get().stream()
                .map(gateway -> gateway.served(plugin).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    /** Whether every gateway serves the bundle's current revision now. */
    boolean serve(Bundle plugin) {
        for (PluginGateway gateway : gateways.get()) {
            if (!gateway.serves(plugin)) {
                return false;
            }
        }
        return true;
    }

    private static void hold(PluginGateway gateway, String pluginId) {
        try {
            gateway.hold(pluginId);
        } catch (RuntimeException e) {
            LOG.warn("Could not hold the calls of plugin {} in {}", pluginId, gateway, e);
        }
    }

    private static void release(PluginGateway gateway, String pluginId) {
        try {
            gateway.release(pluginId);
        } catch (RuntimeException e) {
            LOG.warn("Could not release the calls of plugin {} in {}", pluginId, gateway, e);
        }
    }
}
