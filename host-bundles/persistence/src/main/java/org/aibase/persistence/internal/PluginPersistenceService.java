package org.aibase.persistence.internal;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.aibase.api.persistence.PersistenceService;
import org.aibase.api.persistence.StorageException;
import org.aibase.api.plugin.Permission;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.PluginLimits;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each plugin's own {@link PersistenceService}, visible only to plugins with {@code storage}. The
 * factory is closed when the plugin releases this service (it stops, is updated or uninstalled), so
 * nothing of the platform keeps the plugin's class loader alive.
 */
@Component(service = PersistenceService.class, scope = ServiceScope.BUNDLE)
public final class PluginPersistenceService implements PersistenceService {

    private static final Logger LOG = LoggerFactory.getLogger(PluginPersistenceService.class);

    private final CallingPlugin plugin;
    private final PlatformDatabase database;
    private final PluginStorage storage;
    private final long quotaBytes;
    private final EntityClasses.Found classes;
    private EntityManagerFactory factory;

    /** Serves the plugin that uses this instance. */
    @Activate
    public PluginPersistenceService(ComponentContext component, @Reference PlatformDatabase database,
            @Reference PluginStorage storage, @Reference PluginLimits limits) {
        this.plugin = CallingPlugin.of(component);
        if (!plugin.descriptor().hasPermission(Permission.STORAGE)) {
            // a trusted plugin sees every service; the permission still decides
            throw new StorageException(StorageException.NOT_PERMITTED,
                    "plugin '" + plugin.id() + "' does not hold the storage permission");
        }
        this.database = database;
        this.storage = storage;
        this.quotaBytes = limits.effective(plugin.descriptor()).storageBytes().orElseThrow();
        this.classes = EntityClasses.in(plugin.bundle());
    }

    @Override
    public synchronized EntityManagerFactory entityManagerFactory() {
        if (factory == null) {
            if (classes.entities().isEmpty()) {
                throw new StorageException(StorageException.NO_ENTITIES, "plugin '" + plugin.id()
                        + "' has no class annotated with @jakarta.persistence.Entity");
            }
            TablePrefix prefix = new TablePrefix(plugin.id(), database.dialect(),
                    new QuotaGuard(() -> storage.checkWrite(plugin.id(), quotaBytes)),
                    tables -> storage.registry().claim(plugin.id(), tables));
            factory = PluginEntityManagers.create(plugin, classes.managed(), database.dataSource(), database.dialect(),
                    database.settings().queryTimeout(), prefix);
            storage.track(plugin.id());
            LOG.info("JPA for plugin '{}': {} managed classes", plugin.id(), classes.managed().size());
        }
        return factory;
    }

    @Override
    public List<String> managedClassNames() {
        return classes.managed();
    }

    @Override
    public long usedBytes() {
        return storage.usedBytes(plugin.id());
    }

    @Override
    public long quotaBytes() {
        return quotaBytes;
    }

    @Deactivate
    synchronized void close() {
        storage.untrack(plugin.id());
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
        factory = null;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return TransactionRetry.run(entityManagerFactory()::createEntityManager, work);
    }
}
