package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.JobWire;

/**
 * The {@link JobService} an isolated plugin gets in its JVM: each call goes to the runtime, which
 * makes it with the platform's jobs service as this plugin's (its jobs only, its {@code limits.jobs},
 * recorded for the caller of the request it serves), and answers with the record or the service's
 * {@link JobException}, rethrown here with the same code.
 */
final class RuntimeJobs implements JobService {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RuntimeChannel runtime;

    RuntimeJobs(RuntimeChannel runtime) {
        this.runtime = runtime;
    }

    @Override
    public String submit(String type, String name, String inputJson) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("input", inputJson);
        return String.valueOf(call("submit", body).get("id"));
    }

    @Override
    public Optional<Job> get(String id) {
        try {
            return Optional.of(JobWire.job(call("get", Map.of("id", String.valueOf(id)))));
        } catch (JobException e) {
            if (e.code().equals(JobException.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public JobPage list(JobQuery query) {
        return JobWire.page(call("list", JobWire.query(query)));
    }

    @Override
    public Job cancel(String id) {
        return JobWire.job(call("cancel", Map.of("id", String.valueOf(id))));
    }

    @Override
    public void delete(String id) {
        call("delete", Map.of("id", String.valueOf(id)));
    }

    @Override
    public Map<JobStatus, Long> counts() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        call("counts", Map.of()).forEach((status, count) ->
                JobStatus.fromId(status).ifPresent(s -> counts.put(s, ((Number) count).longValue())));
        return counts;
    }

    private Map<String, Object> call(String operation, Map<String, Object> body) {
        try {
            HttpResponse<byte[]> response = runtime.send(ChildProtocol.JOBS + "/" + operation, body, WAIT);
            Map<String, Object> json = RuntimeChannel.json(response);
            if (response.statusCode() != 200) {
                throw JobWire.error(json);
            }
            return json;
        } catch (IOException e) {
            throw new JobException(JobException.UNAVAILABLE, "the runtime did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobException(JobException.UNAVAILABLE, "interrupted while waiting for the jobs service", e);
        }
    }
}
