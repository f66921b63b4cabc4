package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.plugin.PluginException;
import org.aibase.isolation.child.ChildProtocol;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The plugin's {@link JobHandler}s in its JVM. The runtime's job engine runs them: this tells the
 * runtime which job types the plugin handles (with their retry properties) whenever that changes, and
 * runs an attempt when the runtime asks, reporting its progress back. An attempt the runtime
 * interrupts (cancelled, timed out) is cancelled here.
 */
final class ChildJobs implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RuntimeChannel runtime;
    private final RunningCalls calls;
    private final ServiceTracker<JobHandler, JobHandler> handlers;
    /** One announcement at a time, in order of the changes. */
    private final ExecutorService announcements = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "aibase-child-jobs");
        thread.setDaemon(true);
        return thread;
    });

    ChildJobs(BundleContext context, RuntimeChannel runtime, RunningCalls calls) {
        this.runtime = runtime;
        this.calls = calls;
        this.handlers = new ServiceTracker<>(context, JobHandler.class, null) {
            @Override
            public JobHandler addingService(ServiceReference<JobHandler> reference) {
                JobHandler handler = super.addingService(reference);
                announce();
                return handler;
            }

            @Override
            public void removedService(ServiceReference<JobHandler> reference, JobHandler service) {
                super.removedService(reference, service);
                announce();
            }
        };
        handlers.open(true);
    }

    @Override
    public void close() {
        handlers.close();
        announcements.shutdownNow();
    }

    /**
     * Waits until the runtime has the job types registered now (at most {@code WAIT}): the child
     * serves only then, so a job the plugin submits in its first request finds its handler.
     */
    void awaitAnnounced() {
        try {
            announcements.submit(() -> { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("The runtime did not take the plugin's job handlers in time: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void announce() {
        announcements.execute(() -> {
            List<Map<String, Object>> types = new ArrayList<>();
            ServiceReference<JobHandler>[] references = handlers.getServiceReferences();
            for (ServiceReference<JobHandler> reference : references == null ? List.<ServiceReference<JobHandler>>of()
                    : List.of(references)) {
                Map<String, Object> type = new LinkedHashMap<>();
                for (String key : List.of(JobHandler.TYPE, JobHandler.IDEMPOTENT, JobHandler.ATTEMPTS, JobHandler.BACKOFF)) {
                    Object value = reference.getProperty(key);
                    if (value != null) {
                        type.put(key, String.valueOf(value));
                    }
                }
                types.add(type);
            }
            try {
                int status = runtime.send(ChildProtocol.JOBS + "/handlers", Map.of("handlers", types), WAIT).statusCode();
                if (status != 200) {
                    System.err.println("The runtime refused the plugin's job handlers: " + status);
                }
            } catch (IOException e) {
                System.err.println("The runtime did not take the plugin's job handlers: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Runs one attempt of a job for the runtime's call: the answer is {@code {"result": json-or-null}},
     * or {@code {"failure": {"kind", "code", "message"}}} where the kind says how the runtime records it.
     */
    Map<String, Object> run(String call, Map<String, Object> job) {
        String type = String.valueOf(job.get("type"));
        Optional<JobHandler> handler = handler(type);
        if (handler.isEmpty()) {
            return failure("job", JobException.UNKNOWN_TYPE, "the plugin has no job handler for type '" + type + "' now");
        }
        Attempt attempt = new Attempt(call, job);
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("result", calls.run(call, () -> handler.get().run(attempt)));
            return answer;
        } catch (PluginException e) {
            return failure("plugin", e.code(), e.getMessage());
        } catch (JobException e) {
            return failure("job", e.code(), e.getMessage());
        } catch (Exception | LinkageError e) {
            System.err.println("Job " + attempt.id() + " ('" + type + "') failed: " + e);
            e.printStackTrace();
            return failure("unexpected", "job_failed", e.toString());
        }
    }

    private Optional<JobHandler> handler(String type) {
        ServiceReference<JobHandler>[] references = handlers.getServiceReferences();
        if (references != null) {
            for (ServiceReference<JobHandler> reference : references) {
                if (type.equals(String.valueOf(reference.getProperty(JobHandler.TYPE)))) {
                    return Optional.ofNullable(handlers.getService(reference));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> failure(String kind, String code, String message) {
        return Map.of("failure", Map.of("kind", kind, "code", String.valueOf(code), "message", String.valueOf(message)));
    }

    /** One attempt as the handler sees it: the runtime's record of it, progress reported there. */
    private final class Attempt implements JobContext {

        private final String call;
        private final Map<String, Object> job;

        Attempt(String call, Map<String, Object> job) {
            this.call = call;
            this.job = job;
        }

        @Override
        public String id() {
            return String.valueOf(job.get("id"));
        }

        @Override
        public String type() {
            return String.valueOf(job.get("type"));
        }

        @Override
        public String name() {
            return String.valueOf(job.get("name"));
        }

        @Override
        public String input() {
            return String.valueOf(job.get("input"));
        }

        @Override
        public int attempt() {
            return ((Number) job.get("attempt")).intValue();
        }

        @Override
        public String node() {
            return String.valueOf(job.get("node"));
        }

        @Override
        public void progress(double fraction, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("call", call); // named here too: the handler may report from a thread of its own
            body.put("fraction", fraction);
            body.put("message", message == null ? "" : message);
            try {
                runtime.send(ChildProtocol.JOBS + "/progress", body, WAIT);
            } catch (IOException e) {
                System.err.println("Progress of job " + id() + " not recorded: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the attempt is being cancelled: the handler sees it
            }
        }

        @Override
        public boolean isCancelled() {
            return calls.wasInterrupted(call);
        }
    }
}
