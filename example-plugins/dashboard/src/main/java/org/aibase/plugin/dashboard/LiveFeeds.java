package org.aibase.plugin.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.aibase.api.plugin.PluginContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The open event streams of dashboards: each gets the dashboard's data as a {@code data} event at once
 * and then at every sampling interval, on the plugin's governed scheduler. A stream ends when its
 * client goes away (a failed send), the dashboard is deleted, or the plugin stops.
 */
@Component(service = LiveFeeds.class)
public final class LiveFeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardService dashboards;
    private final PluginContext context;
    private final Map<SseEventSink, ScheduledFuture<?>> open = new ConcurrentHashMap<>();

    @Activate
    public LiveFeeds(@Reference DashboardService dashboards, @Reference PluginContext context) {
        this.dashboards = dashboards;
        this.context = context;
    }

    void open(long id, SseEventSink sink, Sse sse) {
        long every = Math.max(1000, dashboards.samplingInterval().toMillis());
        ScheduledFuture<?> feed = context.scheduler().scheduleWithFixedDelay(() -> push(id, sink, sse), 0, every,
                TimeUnit.MILLISECONDS);
        open.put(sink, feed);
    }

    private void push(long id, SseEventSink sink, Sse sse) {
        if (sink.isClosed()) {
            end(sink);
            return;
        }
        try {
            var dashboard = dashboards.find(id);
            if (dashboard.isEmpty()) {
                sink.send(sse.newEventBuilder().name("deleted").data(String.class, "{\"dashboard_id\":" + id + "}").build());
                end(sink);
                return;
            }
            sink.send(sse.newEventBuilder().name("data").id(Long.toString(System.currentTimeMillis()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, JSON.writeValueAsString(dashboards.data(dashboard.get())))
                    .build())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            end(sink);
                        }
                    });
        } catch (RuntimeException | JsonProcessingException e) {
            // the client went away or the data could not be read: this stream ends, the others go on
            end(sink);
        }
    }

    private void end(SseEventSink sink) {
        ScheduledFuture<?> feed = open.remove(sink);
        if (feed != null) {
            feed.cancel(false);
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            // closed already
        }
    }

    /** How many streams are open. */
    int openStreams() {
        return open.size();
    }

    @Deactivate
    void deactivate() {
        open.keySet().forEach(this::end);
    }
}
