package org.aibase.rest.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/plugins/{id}/tasks} with {@code {"type":"...","config":{...}}}: runs a task
 * on the plugin's {@link Plugin} service, if the plugin declares it and the caller has its role. The task's outcome, failed or not, is a 200 with the
 * result; HTTP errors are for requests that cannot reach a task at all.
 */
@Component(service = PluginTasksResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("plugins/{id}/tasks")
public final class PluginTasksResource {

    private final PluginRegistry registry;
    private final TaskRunner runner;

    @Activate
    public PluginTasksResource(@Reference PluginRegistry registry, @Reference TaskRunner runner) {
        this.registry = registry;
        this.runner = runner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Map<String, Object>> run(@PathParam("id") String id, Map<String, Object> body,
            @Context SecurityContext caller) {
        TaskRequest request = request(body);
        PluginRecord record = PluginLookup.require(registry, id);
        record.descriptor().ifPresent(descriptor -> TaskAdmission.admit(descriptor, request, caller::isUserInRole));
        if (record.state() == PluginState.QUARANTINED) {
            throw new ApiException(503, "quarantined", QuarantineNotice.message(id, record), QuarantineNotice.details(record));
        }
        Plugin handler = record.bundleId().isPresent()
                ? runner.handler(record.bundleId().getAsLong()).orElse(null)
                : null;
        if (handler == null) {
            throw new ApiException(404, "no_task_handler", "Plugin '" + id + "' (" + record.state().id()
                    + ") has no Plugin service to run tasks", Map.of("state", record.state().id()));
        }
        // a handler comes only from an installed plugin, which has a descriptor; the governor applies its limits
        // (tasks share limits.concurrency with the plugin's REST requests) and this request's thread is free meanwhile
        PluginDescriptor plugin = record.descriptor().orElseThrow();
        CompletableFuture<Map<String, Object>> json = new CompletableFuture<>();
        // not thenApply: Jersey must see the ApiException itself, not a CompletionException around it
        runner.run(plugin, handler, request, Caller.of(caller).flatMap(Caller::requester)).whenComplete((result, failure) -> {
            if (failure != null) {
                json.completeExceptionally(failure);
            } else {
                json.complete(PluginJson.taskResult(result));
            }
        });
        return json;
    }

    @SuppressWarnings("unchecked")
    private static TaskRequest request(Map<String, Object> body) {
        if (body == null) {
            throw new ApiException(400, "empty_body", "Send {\"type\": \"...\", \"config\": {...}}");
        }
        if (!(body.get("type") instanceof String type) || type.isBlank()) {
            throw ApiException.invalidParameter("type", "\"type\" must be the task type, a non-empty string");
        }
        Object config = body.get("config");
        if (config != null && !(config instanceof Map)) {
            throw ApiException.invalidParameter("config", "\"config\" must be a JSON object");
        }
        return new TaskRequest(type, (Map<String, Object>) config);
    }
}
