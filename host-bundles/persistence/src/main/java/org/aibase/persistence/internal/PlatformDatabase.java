package org.aibase.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Hashtable;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one database, pooled, from configuration alone. Besides serving this bundle, it
 * registers the pool as {@code javax.sql.DataSource} with {@value #DATABASE}={@value #PLATFORM} and
 * {@value #DIALECT}={@code derby|postgresql} for the other host bundles (jobs, metrics history), which
 * create their own tables through JDBC. Plugins never see it: it is not in the service grants.
 *
 * <p>It registers itself, too, rather than letting DS do it: DS would copy its configuration, the
 * database password included, into the service's properties, which every bundle and the Web
 * Console's Services page can read.
 */
@Component(service = {}, configurationPid = PersistenceConfiguration.PID, immediate = true)
@Designate(ocd = PersistenceConfiguration.class)
public final class PlatformDatabase {

    /** Service property naming which database a DataSource is. */
    public static final String DATABASE = "aibase.database";
    /** Its value for the platform database. */
    public static final String PLATFORM = "platform";
    /** Service property naming the SQL dialect: {@code derby} or {@code postgresql}. */
    public static final String DIALECT = "aibase.database.dialect";
    /** Service property: the configured query timeout in seconds, for JDBC users' {@code Statement#setQueryTimeout}. */
    public static final String QUERY_TIMEOUT = "aibase.database.query.timeout.seconds";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformDatabase.class);

    private final DatabaseSettings settings;
    private final EmbeddedDerby derby;
    /** The pool's name, and so its JMX beans' {@code com.zaxxer.hikari:type=Pool (aibase-platform)}. */
    static final String POOL_NAME = "aibase-platform";

    private final HikariDataSource pool;
    private final ServiceRegistration<DataSource> registration;
    private final ServiceRegistration<PlatformDatabase> self;

    /** Opens the pool over the configured database and offers it to the host bundles. */
    @Activate
    public PlatformDatabase(BundleContext context, PersistenceConfiguration configuration) {
        settings = DatabaseSettings.from(configuration, home(context));
        derby = settings.embedded() ? new EmbeddedDerby(settings.derbyFolder()) : null;
        DataSource connections = settings.embedded() ? bootDerby(derby) : NetworkDataSources.of(settings);
        pool = new HikariDataSource(poolConfiguration(connections));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DATABASE, PLATFORM);
        properties.put(DIALECT, settings.dialect().id());
        properties.put(QUERY_TIMEOUT, (int) settings.queryTimeout().toSeconds());
        registration = context.registerService(DataSource.class, pool, properties);
        self = context.registerService(PlatformDatabase.class, this, null);
        LOG.info("Platform database: {} (pool of {})", settings.where(), settings.poolSize());
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return pool;
    }

    /** The dialect the database speaks. */
    Dialect dialect() {
        return settings.dialect();
    }

    /** The checked configuration. */
    DatabaseSettings settings() {
        return settings;
    }

    /** Withdraws the service, closes the pool and, for embedded Derby, shuts the database down. */
    @Deactivate
    void close() {
        for (ServiceRegistration<?> published : new ServiceRegistration<?>[] { self, registration }) {
            try {
                published.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        pool.close();
        if (derby != null) {
            derby.shutdown();
        }
        LOG.info("Platform database closed: {}", settings.where());
    }

    private HikariConfig poolConfiguration(DataSource connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        // its gauges (active, idle, waiting) as JMX beans, which /metrics reads without depending on this bundle
        config.setRegisterMbeans(true);
        config.setDataSource(connections);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionWait().toMillis());
        // a network database that is down at start must not keep the platform from starting:
        // connections are made when asked for, and fail then with the database's own message
        config.setInitializationFailTimeout(-1);
        // explicit, the default of Derby and PostgreSQL alike: when the pool has to detect it and the very
        // first connection fails (a Derby network server still creating its database), HikariCP keeps
        // setting isolation -1 on every later connection, and none is ever handed out
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        return config;
    }

    /**
     * Boots Derby and creates the database now, with this bundle as context class loader: Derby
     * looks up its modules through it, and its daemon threads inherit it.
     */
    private static DataSource bootDerby(EmbeddedDerby derby) {
        DataSource source = derby.dataSource();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PlatformDatabase.class.getClassLoader());
        try (Connection first = source.getConnection()) {
            LOG.debug("Derby {} ready", first.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("embedded Derby could not open its database: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return source;
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("aibase.home");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(home.strip());
    }
}
