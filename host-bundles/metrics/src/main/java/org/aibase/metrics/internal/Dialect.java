package org.aibase.metrics.internal;

import java.util.List;
import java.util.Locale;

/** The SQL that differs between the databases the platform runs on; the rest is portable. */
enum Dialect {
    DERBY,
    POSTGRESQL;

    /** The dialect named by the DataSource's {@code aibase.database.dialect} property. */
    static Dialect of(Object name) {
        return switch (String.valueOf(name).toLowerCase(Locale.ROOT)) {
            case "derby" -> DERBY;
            case "postgresql", "postgres" -> POSTGRESQL;
            default -> throw new IllegalArgumentException(
                    "aibase.database.dialect '" + name + "' is not supported (allowed: derby, postgresql)");
        };
    }

    /** The table and its index; an existing object is skipped (Derby has no IF NOT EXISTS). */
    List<String> schema() {
        String create = this == POSTGRESQL ? "CREATE TABLE IF NOT EXISTS" : "CREATE TABLE";
        String index = this == POSTGRESQL ? "CREATE INDEX IF NOT EXISTS" : "CREATE INDEX";
        return List.of(create + """
                 aibase_metrics (
                  ts BIGINT NOT NULL,
                  metric VARCHAR(64) NOT NULL,
                  plugin VARCHAR(64) NOT NULL,
                  metric_value DOUBLE PRECISION NOT NULL
                )""",
                index + " aibase_metrics_series ON aibase_metrics (metric, plugin, ts)",
                index + " aibase_metrics_time ON aibase_metrics (ts)");
    }

    boolean alreadyExists(String sqlState) {
        return switch (this) {
            case DERBY -> "X0Y32".equals(sqlState);
            case POSTGRESQL -> "42P07".equals(sqlState);
        };
    }
}
