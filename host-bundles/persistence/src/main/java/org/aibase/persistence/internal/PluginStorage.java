package org.aibase.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.aibase.api.persistence.StorageException;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.PluginLimits;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each plugin's storage: its tables (from the {@link TableRegistry}) and its files under
 * {@code data/plugins/<id>/}, measured every {@code usage.interval.seconds} for the plugins that use
 * persistence, and on demand for the others. Writes are checked against the last measurement, so a
 * plugin can go past its limit by what it writes within one interval: approximate by design, and
 * cheap on every write.
 */
@Component(service = {StorageUsage.class, PluginStorage.class})
public final class PluginStorage implements StorageUsage {

    private static final Logger LOG = LoggerFactory.getLogger(PluginStorage.class);

    private final BundleContext context;
    private final PluginLimits limits;
    private final TableRegistry registry;
    private final TableSpace space;
    private final Path pluginFolders;
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> measured = new ConcurrentHashMap<>();
    private final ScheduledExecutorService measurer;

    /** Creates the table registry if needed and starts measuring. */
    @Activate
    public PluginStorage(BundleContext context, @Reference PlatformDatabase database, @Reference PluginLimits limits)
            throws SQLException {
        this.context = context;
        this.limits = limits;
        this.registry = new TableRegistry(database.dataSource());
        this.space = new TableSpace(database.dataSource(), database.dialect());
        String home = context.getProperty("aibase.home");
        this.pluginFolders = (home == null || home.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(home.strip()))
                .resolve("data").resolve("plugins").toAbsolutePath().normalize();
        registry.create();
        measurer = Executors.newSingleThreadScheduledExecutor(
                PlatformThreads.named("aibase-storage-usage", PluginStorage.class.getClassLoader()));
        long interval = database.settings().usageInterval().toMillis();
        measurer.scheduleWithFixedDelay(this::measureTracked, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        measurer.shutdownNow();
    }

    TableRegistry registry() {
        return registry;
    }

    /** Measures the plugin from now on, starting at once. */
    void track(String pluginId) {
        tracked.add(pluginId);
        measurer.execute(() -> measure(pluginId));
    }

    /** Stops measuring the plugin periodically (it stopped); its last figure stays. */
    void untrack(String pluginId) {
        tracked.remove(pluginId);
    }

    /**
     * Throws when the plugin's last measured storage is past its limit.
     *
     * @throws StorageException {@value StorageException#QUOTA_EXCEEDED} naming used bytes and the limit
     */
    void checkWrite(String pluginId, long quotaBytes) {
        long used = measured.getOrDefault(pluginId, 0L);
        if (used > quotaBytes) {
            throw StorageException.quotaExceeded(pluginId, used, quotaBytes);
        }
    }

    @Override
    public long usedBytes(String pluginId) {
        Long last = measured.get(pluginId);
        return last != null ? last : measure(pluginId);
    }

    @Override
    public OptionalLong quotaBytes(String pluginId) {
        for (Bundle bundle : context.getBundles()) {
            var plugin = CallingPlugin.of(bundle).filter(p -> p.id().equals(pluginId));
            if (plugin.isPresent()) {
                return limits.effective(plugin.get().descriptor()).storageBytes();
            }
        }
        return OptionalLong.empty();
    }

    /** Measures one plugin now and remembers the figure. */
    long measure(String pluginId) {
        try {
            long bytes = space.bytes(registry.tablesOf(pluginId)) + filesOf(pluginId);
            measured.put(pluginId, bytes);
            return bytes;
        } catch (SQLException | UncheckedIOException e) {
            LOG.warn("Could not measure the storage of plugin '{}': {}", pluginId, e.getMessage());
            return measured.getOrDefault(pluginId, 0L);
        }
    }

    private void measureTracked() {
        for (String pluginId : tracked) {
            measure(pluginId);
        }
    }

    private long filesOf(String pluginId) {
        Path folder = pluginFolders.resolve(pluginId);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException goneMeanwhile) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
