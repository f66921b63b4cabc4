package org.aibase.persistence.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derby inside this JVM, from the jars on this bundle's class path. Full durability (Derby's
 * default: {@code derby.system.durability} stays unset, {@code test} can lose committed data).
 */
final class EmbeddedDerby {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDerby.class);

    /** SQLStates Derby answers a successful shutdown with. */
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String ENGINE_SHUT_DOWN = "XJ015";

    private final Path folder;

    EmbeddedDerby(Path folder) {
        this.folder = folder;
    }

    /**
     * A data source that creates the database on first use. Derby reads its system properties when
     * the engine boots, so they are set before the first connection.
     */
    DataSource dataSource() {
        Path data = folder.getParent();
        // set only when absent: an operator's -D wins
        System.getProperties().putIfAbsent("derby.system.home", data.toString());
        System.getProperties().putIfAbsent("derby.stream.error.file", data.resolve("derby.log").toString());
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName(folder.toString());
        source.setCreateDatabase("create");
        return source;
    }

    /**
     * Shuts the database and then the engine down, so every page is on disk, the lock file is released
     * and Derby's threads end before this bundle stops or is updated.
     */
    void shutdown() {
        shutdown(folder.toString(), DATABASE_SHUT_DOWN);
        shutdown("", ENGINE_SHUT_DOWN);
    }

    private static void shutdown(String database, String expectedState) {
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName(database);
        source.setShutdownDatabase("shutdown");
        try {
            source.getConnection().close();
            LOG.warn("Derby did not confirm the shutdown of '{}'", database);
        } catch (SQLException e) {
            if (!expectedState.equals(e.getSQLState())) {
                LOG.warn("Derby shutdown of '{}' answered {}: {}", database, e.getSQLState(), e.getMessage());
            }
        }
    }
}
