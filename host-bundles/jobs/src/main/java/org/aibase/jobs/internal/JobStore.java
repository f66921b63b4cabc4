package org.aibase.jobs.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobStatus;

/**
 * Job records in the platform database, in plain JDBC. Every state change is one conditional
 * {@code UPDATE}: the row changes only when it is still in the state the caller saw, so two nodes
 * never both claim a job and a late attempt never overwrites a newer one ({@code AND attempt = ?}).
 * Times are epoch milliseconds of the writing node's clock.
 */
final class JobStore {

    static final int MAX_ERROR = 4000;
    static final int MAX_MESSAGE = 1000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final AtomicLong lastSequence = new AtomicLong();

    JobStore(DataSource dataSource, Dialect dialect) {
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
            throw new StoreException("create its table", e);
        }
    }

    /**
     * Stores a new pending job and returns its id.
     *
     * @param submitter on whose behalf it was submitted (a credential's digest), or null for nobody's
     */
    String insert(String plugin, String type, String name, String input, String submitter, long now) {
        String id = UUID.randomUUID().toString();
        update("store a job", """
                INSERT INTO aibase_jobs (id, seq, plugin, job_type, job_name, status, progress, progress_message, input_json,
                  created_at, attempt, run_after, idempotent, max_attempts, backoff_ms, submitted_by)
                VALUES (?, ?, ?, ?, ?, 'pending', 0, '', ?, ?, 0, ?, FALSE, 1, 0, ?)""",
                id, nextSequence(now), plugin, type, name, input, now, now, submitter);
        return id;
    }

    /**
     * The submission order: the submission time in microseconds, strictly increasing on this node, so
     * jobs of several nodes interleave by time (as far as the nodes' clocks agree).
     */
    private long nextSequence(long nowMillis) {
        return lastSequence.updateAndGet(last -> Math.max(last + 1, nowMillis * 1000));
    }

    Optional<Job> find(String id) {
        return query("read a job", "SELECT " + JobRows.COLUMNS + " FROM aibase_jobs WHERE id = ?",
                rs -> rs.next() ? Optional.of(JobRows.job(rs)) : Optional.<Job>empty(), id);
    }

    /** The job, if it was submitted on behalf of {@code submitter}. */
    Optional<Job> findSubmittedBy(String id, String submitter) {
        return query("read a job", "SELECT " + JobRows.COLUMNS + " FROM aibase_jobs WHERE id = ? AND submitted_by = ?",
                rs -> rs.next() ? Optional.of(JobRows.job(rs)) : Optional.<Job>empty(), id, submitter);
    }

    /**
     * A page of jobs, newest first, and the real total; {@code plugin}, {@code type} and {@code submitter}
     * (on whose behalf a job was submitted) filter when given.
     */
    JobPage list(Optional<String> plugin, Optional<String> type, Optional<String> submitter, Set<JobStatus> statuses,
            int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(plugin, type, submitter, statuses, args);
        long total = query("count jobs", "SELECT COUNT(*) FROM aibase_jobs" + where,
                rs -> rs.next() ? rs.getLong(1) : 0L, args.toArray());
        args.add(offset);
        args.add(limit);
        List<Job> items = query("list jobs", "SELECT " + JobRows.SUMMARY_COLUMNS + " FROM aibase_jobs" + where
                + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", JobStore::jobs, args.toArray());
        return new JobPage(items, total, offset, limit);
    }

    /** How many jobs are in each status, per plugin (only plugins with jobs; every status present). */
    Map<String, Map<JobStatus, Long>> countsByPlugin(Optional<String> plugin) {
        List<Object> args = new ArrayList<>();
        String where = where(plugin, Optional.empty(), Optional.empty(), Set.of(), args);
        return query("count jobs", "SELECT plugin, status, COUNT(*) FROM aibase_jobs" + where + " GROUP BY plugin, status",
                rs -> {
                    Map<String, Map<JobStatus, Long>> counts = new TreeMap<>();
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), p -> zeroCounts())
                                .put(JobStatus.fromId(rs.getString(2)).orElseThrow(), rs.getLong(3));
                    }
                    return counts;
                }, args.toArray());
    }

    static Map<JobStatus, Long> zeroCounts() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    /** The most recently finished failed jobs, newest first. */
    List<Job> latestFailures(int limit) {
        return query("read failed jobs", "SELECT " + JobRows.SUMMARY_COLUMNS + " FROM aibase_jobs WHERE status = 'failed'"
                + " ORDER BY finished_at DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY", JobStore::jobs, limit);
    }

    /** Pending jobs of a plugin with one of the types, due by {@code now}, oldest submission first. */
    List<PendingJob> pending(String plugin, Collection<String> types, long now, int max) {
        if (types.isEmpty() || max <= 0) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(plugin, now));
        args.addAll(types);
        args.add(max);
        return query("find pending jobs", "SELECT id, plugin, job_type FROM aibase_jobs WHERE status = 'pending'"
                + " AND plugin = ? AND run_after <= ? AND job_type IN (" + marks(types.size()) + ")"
                + " ORDER BY seq OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY", rs -> {
                    List<PendingJob> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(new PendingJob(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                    return found;
                }, args.toArray());
    }

    /**
     * Claims a pending job for a node: one conditional update, so of several claimers exactly one
     * succeeds. The handler's policy is recorded with it, so any node can recover it later.
     */
    Optional<ClaimedJob> claim(String id, String node, long now, long leaseUntil, boolean idempotent, RetryPolicy policy) {
        int changed = update("claim a job", """
                UPDATE aibase_jobs SET status = 'running', node = ?, attempt = attempt + 1, started_at = ?,
                  lease_until = ?, progress = 0, progress_message = '', idempotent = ?, max_attempts = ?, backoff_ms = ?
                WHERE id = ? AND status = 'pending'""",
                node, now, leaseUntil, idempotent, policy.attempts(), policy.backoff().toMillis(), id);
        if (changed == 0) {
            return Optional.empty();
        }
        return find(id).filter(job -> job.status() == JobStatus.RUNNING && job.node().equals(Optional.of(node)))
                .map(job -> new ClaimedJob(job, job.attempts()));
    }

    boolean progress(String id, int attempt, double fraction, String message) {
        return update("record progress", "UPDATE aibase_jobs SET progress = ?, progress_message = ?"
                + " WHERE id = ? AND attempt = ? AND status = 'running'", fraction, clip(message, MAX_MESSAGE), id, attempt) == 1;
    }

    /** Records the attempt's result, only if it is still the job's current, running attempt. */
    boolean complete(String id, int attempt, String result, long now) {
        return update("record a completion", "UPDATE aibase_jobs SET status = 'completed', result_json = ?, progress = 1,"
                + " error_text = NULL, finished_at = ?, lease_until = NULL WHERE id = ? AND attempt = ? AND status = 'running'",
                result, now, id, attempt) == 1;
    }

    /** Records the attempt's failure as final. */
    boolean fail(String id, int attempt, String error, long now) {
        return update("record a failure", "UPDATE aibase_jobs SET status = 'failed', error_text = ?, finished_at = ?,"
                + " lease_until = NULL WHERE id = ? AND attempt = ? AND status = 'running'",
                clip(error, MAX_ERROR), now, id, attempt) == 1;
    }

    /** Puts a failed attempt's job back to pending, due at {@code runAfter}. */
    boolean retry(String id, int attempt, String error, long runAfter) {
        return update("schedule a retry", "UPDATE aibase_jobs SET status = 'pending', error_text = ?, run_after = ?,"
                + " lease_until = NULL WHERE id = ? AND attempt = ? AND status = 'running'",
                clip(error, MAX_ERROR), runAfter, id, attempt) == 1;
    }

    /** Cancels a pending or running job; false when it had finished (or is gone). */
    boolean cancel(String id, long now) {
        return update("cancel a job", "UPDATE aibase_jobs SET status = 'cancelled', error_text = 'cancelled',"
                + " finished_at = ?, lease_until = NULL WHERE id = ? AND status IN ('pending', 'running')", now, id) == 1;
    }

    /** Deletes a finished job; false when it is pending or running (or gone). */
    boolean delete(String id) {
        return update("delete a job", "DELETE FROM aibase_jobs WHERE id = ? AND status IN ('completed', 'failed', 'cancelled')",
                id) == 1;
    }

    /** Extends the lease of the node's running jobs. */
    int renewLeases(String node, long leaseUntil) {
        return update("renew leases", "UPDATE aibase_jobs SET lease_until = ? WHERE node = ? AND status = 'running'",
                leaseUntil, node);
    }

    /** Jobs recorded as running on a node. */
    List<RunningJob> runningOn(String node) {
        return query("find running jobs", "SELECT id, plugin, node, attempt, idempotent FROM aibase_jobs"
                + " WHERE node = ? AND status = 'running'", JobStore::running, node);
    }

    /** Jobs running on other nodes whose lease ran out before {@code now}. */
    List<RunningJob> expiredLeases(String node, long now) {
        return query("find expired leases", "SELECT id, plugin, node, attempt, idempotent FROM aibase_jobs"
                + " WHERE status = 'running' AND node <> ? AND lease_until < ?", JobStore::running, node, now);
    }

    /**
     * Applies the recovery rule to a running job whose attempt was interrupted: an idempotent one runs
     * again, any other fails with the reason. Guarded by the attempt, so it applies at most once.
     */
    boolean recover(RunningJob job, String reason, long now) {
        if (job.idempotent()) {
            return update("recover a job", "UPDATE aibase_jobs SET status = 'pending', run_after = ?, lease_until = NULL,"
                    + " error_text = ? WHERE id = ? AND attempt = ? AND status = 'running'",
                    now, clip(reason + "; running it again (idempotent)", MAX_ERROR), job.id(), job.attempt()) == 1;
        }
        return fail(job.id(), job.attempt(), reason, now);
    }

    /** The ids among these that are no longer running (cancelled, or recovered by another node). */
    Set<String> notRunning(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> running = query("check running jobs", "SELECT id FROM aibase_jobs WHERE status = 'running' AND id IN ("
                + marks(ids.size()) + ")", rs -> {
                    Set<String> found = new HashSet<>();
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                    return found;
                }, ids.toArray());
        Set<String> gone = new HashSet<>(ids);
        gone.removeAll(running);
        return gone;
    }

    private static String where(Optional<String> plugin, Optional<String> type, Optional<String> submitter,
            Set<JobStatus> statuses, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        plugin.ifPresent(p -> {
            conditions.add("plugin = ?");
            args.add(p);
        });
        type.ifPresent(t -> {
            conditions.add("job_type = ?");
            args.add(t);
        });
        submitter.ifPresent(s -> {
            conditions.add("submitted_by = ?");
            args.add(s);
        });
        if (!statuses.isEmpty()) {
            conditions.add("status IN (" + marks(statuses.size()) + ")");
            statuses.stream().map(JobStatus::id).sorted().forEach(args::add);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static List<Job> jobs(ResultSet rs) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        while (rs.next()) {
            jobs.add(JobRows.job(rs));
        }
        return jobs;
    }

    private static List<RunningJob> running(ResultSet rs) throws SQLException {
        List<RunningJob> jobs = new ArrayList<>();
        while (rs.next()) {
            jobs.add(new RunningJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
        }
        return jobs;
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String what, String sql, Rows<T> rows, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private int update(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
