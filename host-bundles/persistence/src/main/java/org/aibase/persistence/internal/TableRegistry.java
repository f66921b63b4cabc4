package org.aibase.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.aibase.api.persistence.StorageException;

/**
 * Which plugin owns which table, in the platform database ({@value #TABLE}). A plugin's tables are
 * claimed before its DDL runs, so a name another plugin owns is refused instead of shared (possible
 * only with ids like {@code ab} and {@code ab_x}, whose prefixes overlap), and storage is measured
 * over exactly the tables a plugin owns.
 */
final class TableRegistry {

    static final String TABLE = "AIBASE_PLUGIN_TABLES";

    /** SQLStates for "the table exists already". */
    private static final Set<String> EXISTS = Set.of("X0Y32", "42P07");

    private final DataSource database;

    TableRegistry(DataSource database) {
        this.database = database;
    }

    /** Creates the registry's table unless it exists. */
    void create() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + TABLE
                    + " (TABLE_NAME VARCHAR(128) NOT NULL PRIMARY KEY, PLUGIN_ID VARCHAR(64) NOT NULL)");
        } catch (SQLException e) {
            if (!EXISTS.contains(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Records the tables as the plugin's.
     *
     * @throws StorageException {@value StorageException#TABLE_CONFLICT} naming the table and its owner
     */
    synchronized void claim(String pluginId, Set<String> tables) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement owner = connection.prepareStatement(
                    "SELECT PLUGIN_ID FROM " + TABLE + " WHERE TABLE_NAME = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (TABLE_NAME, PLUGIN_ID) VALUES (?, ?)")) {
                for (String table : new TreeSet<>(tables)) {
                    owner.setString(1, table);
                    try (ResultSet row = owner.executeQuery()) {
                        if (!row.next()) {
                            insert.setString(1, table);
                            insert.setString(2, pluginId);
                            insert.executeUpdate();
                        } else if (!row.getString(1).equals(pluginId)) {
                            throw new StorageException(StorageException.TABLE_CONFLICT, "table '" + table
                                    + "' of plugin '" + pluginId + "' belongs to plugin '" + row.getString(1)
                                    + "': rename the entity or its @Table");
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(StorageException.UNAVAILABLE,
                    "could not record the tables of plugin '" + pluginId + "': " + e.getMessage(), e);
        }
    }

    /** The tables the plugin owns, sorted. */
    List<String> tablesOf(String pluginId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT TABLE_NAME FROM " + TABLE + " WHERE PLUGIN_ID = ? ORDER BY TABLE_NAME")) {
            query.setString(1, pluginId);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }
}
