package org.aibase.jobs.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.jobs.JobView;
import org.aibase.sandbox.Requester;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/jobs} in the platform application (same authentication as the rest of the API):
 * every plugin's jobs, read by users; {@code DELETE} (admin) cancels a pending or running job and
 * deletes a finished one; {@code {id}/events} streams a job's progress as server-sent events.
 */
@Component(service = JobsResource.class, property = { "osgi.jakartars.resource=true",
        "osgi.jakartars.application.select=(osgi.jakartars.name=aibase.platform)" })
@Path("jobs")
public final class JobsResource {

    /** A requester no job has: what a caller acting for nobody may read. */
    private static final String NOBODY = "";
    private static final Pattern PLUGIN_ID = Pattern.compile(PluginDescriptor.ID_PATTERN);
    private static final List<String> STATUSES = EnumSet.allOf(JobStatus.class).stream().map(JobStatus::id).toList();

    private final JobPlatform platform;
    private final JobEventStreams streams;

    @Activate
    public JobsResource(@Reference JobPlatform platform, @Reference JobEventStreams streams) {
        this.platform = platform;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> list(@QueryParam("plugin") String plugin, @QueryParam("status") List<String> status,
            @QueryParam("type") String type, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext caller) {
        if (plugin != null && !PLUGIN_ID.matcher(plugin).matches()) {
            throw JobJson.invalidParameter("plugin", "plugin '" + plugin + "' is not a plugin id (allowed: " + PluginDescriptor.ID_PATTERN + ")");
        }
        Set<JobStatus> statuses = statuses(status);
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, 50, 1, JobQuery.MAX_LIMIT);
        JobPage page = platform.engine().store().list(Optional.ofNullable(plugin), Optional.ofNullable(type)
                .filter(t -> !t.isBlank()), onlyMine(caller), statuses, from, size);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(job -> JobView.of(job, false)).toList());
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("id") String id, @Context SecurityContext caller) {
        return JobView.of(job(id, caller), true);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        Job job = job(id);
        if (job.status().isFinal()) {
            PluginJobs.deleteJob(platform.engine(), job); // already gone: the outcome a caller wants
            return Response.noContent().build();
        }
        Job now = PluginJobs.cancelJob(platform.engine(), id).orElse(job);
        return Response.ok(JobView.of(now, true)).build();
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse,
            @Context SecurityContext caller) {
        job(id, caller);
        streams.stream(id, sink, sse);
    }

    private Job job(String id) {
        return platform.engine().store().find(id).orElseThrow(() -> JobJson.notFound(id));
    }

    /** A job the caller may read: an admin any, a user the jobs submitted on its behalf (others' are "not found"). */
    private Job job(String id, SecurityContext caller) {
        Optional<String> mine = onlyMine(caller);
        return (mine.isEmpty() ? platform.engine().store().find(id) : platform.engine().store().findSubmittedBy(id, mine.get()))
                .orElseThrow(() -> JobJson.notFound(id));
    }

    /**
     * Empty for an admin, who reads every job; for anyone else the requester the jobs must have been
     * submitted for (one that matches no job when the request acts for nobody).
     */
    private static Optional<String> onlyMine(SecurityContext caller) {
        if (caller != null && caller.isUserInRole("admin")) {
            return Optional.empty();
        }
        return Optional.of(Requester.current().orElse(NOBODY));
    }

    private static Set<JobStatus> statuses(List<String> values) {
        Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                statuses.add(JobStatus.fromId(part.strip()).orElseThrow(() -> JobJson.error(400, "invalid_parameter",
                        "status '" + part.strip() + "' is not a job status (allowed: " + String.join(", ", STATUSES) + ")",
                        Map.of("parameter", "status", "allowed", STATUSES))));
            }
        }
        return statuses;
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw JobJson.invalidParameter(name, name + " '" + text + "' is not allowed (allowed: a whole number "
                + min + ".." + max + ")");
    }
}
