package org.aibase.sandbox.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.aibase.sandbox.PlatformThreads;

/**
 * Makes a plugin's threads: named {@code aibase-<id>-N} so a thread dump shows whose work it is,
 * daemon so a forgotten task never holds the JVM open, with the plugin's class loader as context
 * class loader so libraries that look classes up through it find the plugin's.
 */
final class PluginThreads implements ThreadFactory {

    private final String prefix;
    private final ClassLoader loader;
    private final AtomicInteger count = new AtomicInteger();

    PluginThreads(String pluginId, ClassLoader loader) {
        this.prefix = "aibase-" + pluginId + "-";
        this.loader = loader;
    }

    @Override
    public Thread newThread(Runnable task) {
        return PlatformThreads.make(() -> new Thread(null, task, prefix + count.incrementAndGet(), 0, false), loader);
    }
}
