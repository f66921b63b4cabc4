package org.aibase.plugin.dashboard;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.plugin.dashboard.internal.DashboardSpec;
import org.aibase.plugin.dashboard.internal.StoredDashboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/dashboard/dashboards}: list, create, get, update (PUT the whole spec), delete; the
 * data of every widget; and a Server-Sent Events stream of that data at the sampling interval.
 */
@Component(service = DashboardResource.class)
@PluginEndpoint("dashboard")
@Path("dashboards")
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardResource {

    private final DashboardService dashboards;
    private final LiveFeeds feeds;

    @Activate
    public DashboardResource(@Reference DashboardService dashboards, @Reference LiveFeeds feeds) {
        this.dashboards = dashboards;
        this.feeds = feeds;
    }

    @GET
    public Map<String, Object> list() {
        var items = dashboards.list().stream().map(StoredDashboard::json).toList();
        return Map.of("items", items, "total", items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Map<String, Object> body) {
        DashboardSpec.Parsed parsed = dashboards.parse(body, "body");
        if (parsed.spec().isEmpty()) {
            throw ApiErrors.invalid(parsed.problems());
        }
        return Response.status(201).entity(dashboards.create(parsed.spec().get()).json()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return withDashboard(id, d -> Response.ok(d.json()).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, Map<String, Object> body) {
        OptionalLong parsedId = id(id);
        if (parsedId.isEmpty()) {
            throw ApiErrors.badId(id);
        }
        DashboardSpec.Parsed parsed = dashboards.parse(body, "body");
        if (parsed.spec().isEmpty()) {
            throw ApiErrors.invalid(parsed.problems());
        }
        return dashboards.update(parsedId.getAsLong(), parsed.spec().get()).map(d -> Response.ok(d.json()).build())
                .orElseThrow(() -> ApiErrors.notFound(parsedId.getAsLong()));
    }

    @DELETE
    @RolesAllowed("admin") // removes what every user of the plugin shares
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        OptionalLong parsedId = id(id);
        if (parsedId.isEmpty()) {
            throw ApiErrors.badId(id);
        }
        if (!dashboards.delete(parsedId.getAsLong())) {
            throw ApiErrors.notFound(parsedId.getAsLong());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/data")
    public Response data(@PathParam("id") String id) {
        return withDashboard(id, d -> Response.ok(dashboards.data(d)).build());
    }

    /** Fresh data at once and then at every sampling interval, until the client goes away. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        OptionalLong parsedId = id(id);
        Optional<StoredDashboard> dashboard = parsedId.isEmpty() ? Optional.empty() : dashboards.find(parsedId.getAsLong());
        if (dashboard.isEmpty()) {
            // an SSE request cannot answer a status any more: one error event, then the stream ends
            sink.send(sse.newEventBuilder().name("error").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, "{\"code\":\"not_found\",\"message\":\"no dashboard with id " + parsedId.orElse(0) + "\"}").build());
            sink.close();
            return;
        }
        feeds.open(dashboard.get().id(), sink, sse);
    }

    private Response withDashboard(String id, java.util.function.Function<StoredDashboard, Response> answer) {
        OptionalLong parsedId = id(id);
        if (parsedId.isEmpty()) {
            throw ApiErrors.badId(id);
        }
        return dashboards.find(parsedId.getAsLong()).map(answer).orElseThrow(() -> ApiErrors.notFound(parsedId.getAsLong()));
    }

    private static OptionalLong id(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
