package org.aibase.jobs.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.sandbox.Requester;

/** One plugin's view of the jobs: it submits and sees only its own. */
final class PluginJobs implements JobService {

    static final int MAX_NAME = 200;

    private final JobEngine engine;
    private final String plugin;
    private final Clock clock;

    PluginJobs(JobEngine engine, String plugin, Clock clock) {
        this.engine = engine;
        this.plugin = plugin;
        this.clock = clock;
    }

    @Override
    public String submit(String type, String name, String inputJson) {
        if (type == null || engine.handlers().get(plugin, type).isEmpty()) {
            throw new JobException(JobException.UNKNOWN_TYPE, "plugin " + plugin + " has no JobHandler for type '" + type
                    + "' (registered: " + engine.handlers().types(plugin) + ")");
        }
        String label = name == null ? "" : name;
        if (label.length() > MAX_NAME) {
            throw new JobException(JobException.INVALID, "name has " + label.length() + " characters; at most "
                    + MAX_NAME + " are allowed");
        }
        String input = inputJson == null ? "null" : inputJson;
        int bytes = input.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            throw new JobException(JobException.INPUT_TOO_LARGE, "job input is " + bytes + " bytes; at most "
                    + MAX_INPUT_BYTES + " bytes (1 MB) are allowed: store large data yourself and pass a reference");
        }
        if (!JsonText.isJson(input)) {
            throw new JobException(JobException.INVALID, "job input must be one JSON value (e.g. {\"file\":\"a.csv\"})");
        }
        String id = engine.store().insert(plugin, type, label, input,
                Requester.current().orElse(null), clock.millis());
        engine.wake();
        return id;
    }

    @Override
    public Optional<Job> get(String id) {
        return id == null ? Optional.empty() : engine.store().find(id).filter(job -> job.plugin().equals(plugin));
    }

    @Override
    public JobPage list(JobQuery query) {
        JobQuery q = query == null ? JobQuery.ALL : query;
        return engine.store().list(Optional.of(plugin), q.type(), Optional.empty(), q.statuses(), q.offset(), q.limit());
    }

    @Override
    public Job cancel(String id) {
        Job job = existing(id);
        if (job.status().isFinal()) {
            throw new JobException(JobException.CONFLICT, "job " + id + " is already " + job.status().id());
        }
        return cancelJob(engine, id).orElse(job);
    }

    @Override
    public void delete(String id) {
        Job job = existing(id);
        if (!deleteJob(engine, job)) {
            throw new JobException(JobException.CONFLICT, "job " + id + " is " + engine.store().find(id)
                    .map(j -> j.status().id()).orElse("gone") + "; only a completed, failed or cancelled job can be "
                    + "deleted (cancel it first)");
        }
    }

    @Override
    public Map<JobStatus, Long> counts() {
        return engine.store().countsByPlugin(Optional.of(plugin)).getOrDefault(plugin, JobStore.zeroCounts());
    }

    private Job existing(String id) {
        return get(id).orElseThrow(() -> new JobException(JobException.NOT_FOUND, "plugin " + plugin + " has no job " + id));
    }

    /** Cancels a job in the store and interrupts it if it runs here; the job as it is afterwards. */
    static Optional<Job> cancelJob(JobEngine engine, String id) {
        if (engine.store().cancel(id, engine.now())) {
            engine.cancelled(id);
        }
        return engine.store().find(id);
    }

    /** Deletes a finished job; false when it is not finished. */
    static boolean deleteJob(JobEngine engine, Job job) {
        return job.status().isFinal() && engine.store().delete(job.id());
    }
}
