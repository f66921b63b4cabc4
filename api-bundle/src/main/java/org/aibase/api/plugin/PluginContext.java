package org.aibase.api.plugin;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform knows about the calling plugin, and the only way a sandboxed plugin runs work in
 * the background. Every plugin may reference it; each plugin gets its own instance.
 */
@ProviderType
public interface PluginContext {

    /** The plugin's descriptor as read from its {@code plugin.yaml}. */
    PluginDescriptor descriptor();

    /** The effective limits: each declared limit, or the platform's default where none is declared (every field present). */
    ResourceLimits limits();

    /** Whether the plugin's descriptor grants the permission. */
    boolean hasPermission(Permission permission);

    /** The effective configuration: the declared {@code defaults} overlaid with the operator's values; a read-only snapshot. */
    Map<String, Object> configuration();

    /**
     * An executor for background work, at most {@code limits.concurrency} tasks at once, threads named
     * {@code aibase-<id>-N}; shut down (running tasks interrupted) when the plugin stops. Do not shut it down yourself.
     */
    ExecutorService executor();

    /** A scheduler bounded and named like {@link #executor()}, shut down when the plugin stops. */
    ScheduledExecutorService scheduler();
}
