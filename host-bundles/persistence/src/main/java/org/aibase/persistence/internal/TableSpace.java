package org.aibase.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The bytes tables take on disk, with their indexes, as the database reports them: Derby's
 * {@code SYSCS_DIAG.SPACE_TABLE} (allocated and free pages of the table's conglomerates),
 * PostgreSQL's {@code pg_total_relation_size} (heap, indexes, TOAST). A table that does not exist
 * (yet) takes nothing.
 */
final class TableSpace {

    private static final String DERBY = "SELECT SUM((x.NUMALLOCATEDPAGES + x.NUMFREEPAGES) * x.PAGESIZE) "
            + "FROM SYS.SYSSCHEMAS s, SYS.SYSTABLES t, TABLE(SYSCS_DIAG.SPACE_TABLE(s.SCHEMANAME, t.TABLENAME)) x "
            + "WHERE s.SCHEMAID = t.SCHEMAID AND s.SCHEMANAME = CURRENT SCHEMA AND t.TABLENAME = ?";
    // unquoted names are folded to lower case by PostgreSQL
    private static final String POSTGRESQL = "SELECT COALESCE(pg_total_relation_size(to_regclass(?)), 0)";

    private final DataSource database;
    private final Dialect dialect;

    TableSpace(DataSource database, Dialect dialect) {
        this.database = database;
        this.dialect = dialect;
    }

    long bytes(List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return 0;
        }
        long total = 0;
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(dialect == Dialect.DERBY ? DERBY : POSTGRESQL)) {
            for (String table : tables) {
                query.setString(1, dialect == Dialect.DERBY ? table : table.toLowerCase(Locale.ROOT));
                try (ResultSet row = query.executeQuery()) {
                    total += row.next() ? row.getLong(1) : 0;
                }
            }
        }
        return total;
    }
}
