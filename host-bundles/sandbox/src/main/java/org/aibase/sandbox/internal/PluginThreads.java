package org.aibase.sandbox.internal;

import java.util.concurrent.ThreadFactory;

import org.aibase.sandbox.PlatformThreads;

/**
 * A plugin's threads: named {@code aibase-<id>-N} so a thread dump shows whose work it is, with the
 * plugin's class loader as context class loader so libraries that look classes up through it find
 * the plugin's (and, as every platform thread, daemon and owing nothing to the thread that started it).
 */
final class PluginThreads {

    private PluginThreads() {
    }

    static ThreadFactory of(String pluginId, ClassLoader loader) {
        return PlatformThreads.numbered("aibase-" + pluginId + "-", loader);
    }
}
