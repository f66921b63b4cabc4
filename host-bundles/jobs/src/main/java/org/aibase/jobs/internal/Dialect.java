package org.aibase.jobs.internal;

import java.util.List;
import java.util.Locale;

/**
 * The SQL that differs between the databases the platform runs on. Everything else the store says is
 * portable: conditional updates, {@code OFFSET ... FETCH NEXT}. (No identity column: Derby's identity
 * generator refuses inserts under contention, "too much contention on sequence".)
 */
enum Dialect {
    DERBY("CLOB"),
    POSTGRESQL("TEXT");

    private final String textType;

    Dialect(String textType) {
        this.textType = textType;
    }

    /** The dialect named by the DataSource's {@code aibase.database.dialect} property. */
    static Dialect of(Object name) {
        String text = String.valueOf(name).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "derby" -> DERBY;
            case "postgresql", "postgres" -> POSTGRESQL;
            default -> throw new IllegalArgumentException(
                    "aibase.database.dialect '" + name + "' is not supported (allowed: derby, postgresql)");
        };
    }

    /** The table, its later columns and its indexes; an existing object is skipped (see {@link #alreadyExists} for Derby). */
    List<String> schema() {
        String create = this == POSTGRESQL ? "CREATE TABLE IF NOT EXISTS" : "CREATE TABLE";
        String index = this == POSTGRESQL ? "CREATE INDEX IF NOT EXISTS" : "CREATE INDEX";
        return List.of("""
                %2$s aibase_jobs (
                  id VARCHAR(36) NOT NULL PRIMARY KEY,
                  seq BIGINT NOT NULL,
                  plugin VARCHAR(64) NOT NULL,
                  job_type VARCHAR(100) NOT NULL,
                  job_name VARCHAR(200) NOT NULL,
                  status VARCHAR(16) NOT NULL,
                  progress DOUBLE PRECISION NOT NULL,
                  progress_message VARCHAR(1000) NOT NULL,
                  input_json %1$s NOT NULL,
                  result_json %1$s,
                  error_text VARCHAR(4000),
                  created_at BIGINT NOT NULL,
                  started_at BIGINT,
                  finished_at BIGINT,
                  attempt INT NOT NULL,
                  node VARCHAR(64),
                  lease_until BIGINT,
                  run_after BIGINT NOT NULL,
                  idempotent BOOLEAN NOT NULL,
                  max_attempts INT NOT NULL,
                  backoff_ms BIGINT NOT NULL,
                  submitted_by VARCHAR(64)
                )""".formatted(textType, create),
                // a table of an earlier version lacks it (Derby has no IF NOT EXISTS: "already exists" is skipped)
                "ALTER TABLE aibase_jobs ADD COLUMN " + (this == POSTGRESQL ? "IF NOT EXISTS " : "") + "submitted_by VARCHAR(64)",
                index + " aibase_jobs_pending ON aibase_jobs (status, plugin, seq)",
                index + " aibase_jobs_plugin ON aibase_jobs (plugin, seq)",
                index + " aibase_jobs_node ON aibase_jobs (node, status)");
    }

    /** Whether a DDL failure only says the object is there already (Derby has no IF NOT EXISTS). */
    boolean alreadyExists(String sqlState) {
        return switch (this) {
            case DERBY -> "X0Y32".equals(sqlState);
            case POSTGRESQL -> "42P07".equals(sqlState); // duplicate_table, also for an index
        };
    }
}
