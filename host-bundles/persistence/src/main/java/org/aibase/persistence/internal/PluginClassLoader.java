package org.aibase.persistence.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader EclipseLink works with for one plugin: the plugin's own first (its entities and
 * what it imports), then EclipseLink's bundles, whose classes the plugin never imports but its
 * mappings need (e.g. {@code IndirectList} for collections). Holds nothing else, so once the
 * plugin's factory is closed nothing keeps the plugin's loader alive.
 */
final class PluginClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader plugin;
    private final List<ClassLoader> platform;

    PluginClassLoader(ClassLoader plugin, List<ClassLoader> platform) {
        super(null); // the JDK's classes, then findClass
        this.plugin = plugin;
        this.platform = List.copyOf(platform);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return plugin.loadClass(name);
        } catch (ClassNotFoundException notThePlugins) {
            for (ClassLoader loader : platform) {
                try {
                    return loader.loadClass(name);
                } catch (ClassNotFoundException next) {
                    // try the next one
                }
            }
            throw notThePlugins;
        }
    }

    @Override
    protected URL findResource(String name) {
        URL url = plugin.getResource(name);
        for (int i = 0; url == null && i < platform.size(); i++) {
            url = platform.get(i).getResource(name);
        }
        return url;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Enumeration<URL> urls = plugin.getResources(name);
        return urls == null ? Collections.emptyEnumeration() : urls;
    }
}
