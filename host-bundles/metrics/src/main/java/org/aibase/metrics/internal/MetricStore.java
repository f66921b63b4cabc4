package org.aibase.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.aibase.api.metrics.MetricStep;
import org.aibase.api.metrics.MetricsException;

/**
 * Samples in the platform database, one row per metric, plugin and sampling time (epoch
 * milliseconds), in plain JDBC. Aggregation to minutes and hours is one {@code GROUP BY} on the
 * bucket number, portable to Derby and PostgreSQL.
 */
final class MetricStore {

    private final DataSource dataSource;
    private final Dialect dialect;

    MetricStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Creates the table and indexes unless they exist. */
    void createSchema() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : dialect.schema()) {
                try {
                    s.execute(ddl);
                } catch (SQLException e) {
                    if (!dialect.alreadyExists(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new MetricsException(MetricsException.UNAVAILABLE, "cannot create the metrics table: " + e.getMessage(), e);
        }
    }

    /** Stores one sampling in one transaction. */
    void insert(long time, Collection<Sample> samples) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO aibase_metrics (ts, metric, plugin, metric_value) VALUES (?, ?, ?, ?)")) {
                for (Sample sample : samples) {
                    s.setLong(1, time);
                    s.setString(2, sample.metric());
                    s.setString(3, sample.plugin());
                    s.setDouble(4, sample.value());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MetricsException(MetricsException.UNAVAILABLE, "cannot store samples: " + e.getMessage(), e);
        }
    }

    /** Deletes samples older than {@code before}; returns how many. */
    int deleteBefore(long before) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM aibase_metrics WHERE ts < ?")) {
            s.setLong(1, before);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new MetricsException(MetricsException.UNAVAILABLE, "cannot delete old samples: " + e.getMessage(), e);
        }
    }

    /**
     * The buckets of one metric in a time range, ordered by plugin and time: for {@link MetricStep#RAW}
     * every sample is its own bucket.
     */
    List<Bucket> buckets(String metric, Optional<String> plugin, Instant from, Instant to, MetricStep step) {
        long length = Math.max(1, step.length().toMillis());
        // the bucket length is a number from an enum, never user text: inlined so both databases
        // accept the same expression in SELECT and GROUP BY
        String bucket = "(ts / " + length + ")";
        String sql = "SELECT plugin, " + bucket + ", AVG(metric_value), MIN(metric_value), MAX(metric_value), COUNT(*)"
                + " FROM aibase_metrics WHERE metric = ? AND ts >= ? AND ts <= ?"
                + (plugin.isPresent() ? " AND plugin = ?" : "")
                + " GROUP BY plugin, " + bucket + " ORDER BY plugin, " + bucket;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, metric);
            s.setLong(2, from.toEpochMilli());
            s.setLong(3, to.toEpochMilli());
            if (plugin.isPresent()) {
                s.setString(4, plugin.get());
            }
            List<Bucket> buckets = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new Bucket(rs.getString(1), rs.getLong(2) * length, rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getLong(6)));
                }
            }
            return buckets;
        } catch (SQLException e) {
            throw new MetricsException(MetricsException.UNAVAILABLE, "cannot read samples: " + e.getMessage(), e);
        }
    }

    /** How many samples are stored (for tests and the log). */
    long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM aibase_metrics")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new MetricsException(MetricsException.UNAVAILABLE, "cannot count samples: " + e.getMessage(), e);
        }
    }

    /** Aggregated samples of one plugin's metric in one bucket starting at {@code start} (epoch ms). */
    record Bucket(String plugin, long start, double mean, double min, double max, long samples) {
    }
}
