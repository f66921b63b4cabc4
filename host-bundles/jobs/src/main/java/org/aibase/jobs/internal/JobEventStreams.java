package org.aibase.jobs.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.aibase.api.jobs.Job;
import org.aibase.jobs.JobView;
import org.aibase.sandbox.PlatformThreads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Server-sent event streams of jobs: each open stream reads its job from the store a few times a
 * second (the job may run on another node), sends a {@code progress} event whenever the status,
 * progress, message or attempt changed, and a last event named after the final status
 * ({@code completed}, {@code failed}, {@code cancelled}; {@code deleted} if the record went away),
 * then closes.
 */
@Component(service = JobEventStreams.class)
public final class JobEventStreams {

    static final long POLL_MILLIS = 200;

    private final JobPlatform platform;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            PlatformThreads.named("aibase-job-events", JobEventStreams.class.getClassLoader()));
    private final Set<SseEventSink> open = ConcurrentHashMap.newKeySet();

    @Activate
    public JobEventStreams(@Reference JobPlatform platform) {
        this.platform = platform;
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        open.forEach(SseEventSink::close);
    }

    /** Streams the job's events into the sink until it is final or the client goes away. */
    void stream(String id, SseEventSink sink, Sse sse) {
        open.add(sink);
        AtomicReference<String> last = new AtomicReference<>();
        AtomicLong sequence = new AtomicLong();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable step = () -> {
            if (sink.isClosed()) {
                stop(sink, task.get());
                return;
            }
            Optional<Job> job;
            try {
                job = platform.engine().store().find(id);
            } catch (RuntimeException storeDown) {
                return; // try again at the next poll
            }
            if (job.isEmpty()) {
                send(sink, sse, "deleted", Map.of("id", id), sequence);
                stop(sink, task.get());
                return;
            }
            Job current = job.get();
            String state = current.status() + "|" + current.progress() + "|" + current.message() + "|" + current.attempts();
            if (!Objects.equals(state, last.getAndSet(state))) {
                String name = current.status().isFinal() ? current.status().id() : "progress";
                send(sink, sse, name, JobView.of(current, current.status().isFinal()), sequence);
            }
            if (current.status().isFinal()) {
                stop(sink, task.get());
            }
        };
        task.set(poller.scheduleWithFixedDelay(step, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
    }

    private static void send(SseEventSink sink, Sse sse, String name, Map<String, Object> data, AtomicLong sequence) {
        // text/plain: the data is already JSON text, and a JSON writer would quote it again
        sink.send(sse.newEventBuilder().name(name).id(String.valueOf(sequence.incrementAndGet()))
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, JsonText.write(data)).build());
    }

    private void stop(SseEventSink sink, ScheduledFuture<?> task) {
        open.remove(sink);
        sink.close();
        if (task != null) {
            task.cancel(false);
        }
    }
}
