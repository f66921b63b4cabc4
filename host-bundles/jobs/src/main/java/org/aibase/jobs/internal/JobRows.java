package org.aibase.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobStatus;

/** Reads job records from result sets of {@link #COLUMNS}. */
final class JobRows {

    /** Every column a {@link Job} needs, in the order {@link #job} reads them. */
    static final String COLUMNS = "id, plugin, job_type, job_name, status, progress, progress_message, input_json, "
            + "result_json, error_text, created_at, started_at, finished_at, attempt, node";

    /** The columns without the (possibly large) input and result, for listings. */
    static final String SUMMARY_COLUMNS = "id, plugin, job_type, job_name, status, progress, progress_message, "
            + "CAST(NULL AS VARCHAR(1)) AS input_json, CAST(NULL AS VARCHAR(1)) AS result_json, error_text, "
            + "created_at, started_at, finished_at, attempt, node";

    private JobRows() {
    }

    static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                JobStatus.fromId(rs.getString(5)).orElseThrow(), rs.getDouble(6), rs.getString(7),
                rs.getString(8), Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)),
                Instant.ofEpochMilli(rs.getLong(11)), instant(rs, 12), instant(rs, 13), rs.getInt(14),
                Optional.ofNullable(rs.getString(15)));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
