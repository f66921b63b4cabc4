package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PersistenceScenarios} on a real PostgreSQL 16 server started here (the binaries come from
 * Maven Central), reached by the launched runtime through {@code config/org.aibase.persistence.cfg}.
 */
class PersistencePostgresIT extends PersistenceScenarios {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String databaseConfiguration() {
        return "type=postgresql\nurl=" + postgres.getJdbcUrl("postgres", "postgres") + "\nuser=postgres\npool.size=5";
    }

    @Override
    String maxTableName() {
        return "PostgreSQL accepts at most 63";
    }

    /** Each plugin's tables carry its prefix; the registry says whose they are. */
    @Override
    void checkTables() throws SQLException {
        assertEquals(List.of("alpha_note", "alpha_note_tags", "alpha_sequence", "beta_note", "beta_note_tags",
                "beta_sequence", "tiny_note", "tiny_note_tags", "tiny_sequence"),
                strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'aibase%' "
                        + "ORDER BY tablename")); // the platform's own tables (plugin tables, jobs) aside
        assertEquals(List.of("ALPHA_NOTE alpha", "ALPHA_NOTE_TAGS alpha", "ALPHA_SEQUENCE alpha"),
                strings("SELECT table_name || ' ' || plugin_id FROM aibase_plugin_tables WHERE plugin_id = 'alpha' "
                        + "ORDER BY table_name"));
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
