package org.aibase.metrics.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The two databases the store runs on: embedded Derby in a folder, and a real PostgreSQL server. */
final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    static DataSource derby(Path folder) {
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** One PostgreSQL server for the test run; each call gets the table dropped. */
    static synchronized DataSource postgres() throws IOException, SQLException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM ends anyway
                }
            }));
        }
        DataSource ds = postgres.getPostgresDatabase();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS aibase_metrics");
        }
        return ds;
    }
}
