package org.aibase.persistence.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.aibase.api.persistence.StorageException;
import org.aibase.sandbox.CallingPlugin;
import org.eclipse.persistence.config.ParserValidationType;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.indirection.IndirectList;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Creates a plugin's EntityManagerFactory (see VERSIONS.md, gotchas 5-8): resource-local over the
 * platform pool, weaving off, tables created or extended, one EclipseLink session per factory,
 * the plugin's class loader first. The factory is deployed at once, so DDL runs and a bad table name
 * is reported when the plugin asks for its factory, not at its first query.
 */
final class PluginEntityManagers {

    private static final AtomicLong SESSIONS = new AtomicLong();

    private PluginEntityManagers() {
    }

    static EntityManagerFactory create(CallingPlugin plugin, List<String> managedClasses, DataSource dataSource,
            Dialect dialect, Duration queryTimeout, TablePrefix tablePrefix) {
        ClassLoader pluginLoader = plugin.bundle().adapt(BundleWiring.class).getClassLoader();
        List<ClassLoader> platform = List.of(PersistenceProvider.class.getClassLoader(),
                IndirectList.class.getClassLoader());
        String session = "aibase-" + plugin.id() + "-" + plugin.bundle().getBundleId() + "-" + SESSIONS.incrementAndGet();
        PluginPersistenceUnit unit = new PluginPersistenceUnit(session, managedClasses, dataSource,
                plugin.bundle().getEntry("/"), new PluginClassLoader(pluginLoader, platform), platform, pluginLoader);

        Map<String, Object> properties = properties(session, dialect, queryTimeout, tablePrefix);
        EntityManagerFactory factory;
        try {
            factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
        } catch (RuntimeException e) {
            throw failure(plugin, e);
        }
        try {
            factory.createEntityManager().close(); // deploys: customizer, DDL
            return factory;
        } catch (RuntimeException e) {
            factory.close();
            throw failure(plugin, e);
        }
    }

    /**
     * The properties of a plugin's persistence unit. JPQL is validated against the JPA 2.0 grammar:
     * EclipseLink's own extensions, SQL(), COLUMN(), TABLE(), FUNC() and OPERATOR(), and JPA 2.1's
     * FUNCTION() are refused (EclipseLink 4.0.8's EclipseLinkGrammarValidator), as they reach the
     * database past the plugin's entities: FUNCTION('query_to_xml', ...) reads any PostgreSQL table.
     */
    static Map<String, Object> properties(String session, Dialect dialect, Duration queryTimeout, TablePrefix tablePrefix) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.WEAVING, "false");
        properties.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.CREATE_OR_EXTEND);
        properties.put(PersistenceUnitProperties.DDL_GENERATION_MODE, PersistenceUnitProperties.DDL_DATABASE_GENERATION);
        properties.put(PersistenceUnitProperties.SESSION_NAME, session);
        properties.put(PersistenceUnitProperties.SESSION_CUSTOMIZER, tablePrefix);
        properties.put(PersistenceUnitProperties.TARGET_DATABASE, dialect.eclipseLinkPlatform());
        properties.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        properties.put(PersistenceUnitProperties.JPQL_VALIDATION, ParserValidationType.JPA20);
        if (!queryTimeout.isZero()) {
            properties.put(PersistenceUnitProperties.QUERY_TIMEOUT, String.valueOf(queryTimeout.toMillis()));
        }
        return properties;
    }

    /** A StorageException thrown inside EclipseLink comes back wrapped: unwrap it; anything else is unavailable. */
    private static StorageException failure(CallingPlugin plugin, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageException storage) {
                return storage;
            }
        }
        return new StorageException(StorageException.UNAVAILABLE,
                "could not set up JPA for plugin '" + plugin.id() + "': " + e.getMessage(), e);
    }
}
