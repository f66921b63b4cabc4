package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/deployments?offset=&limit=}: the deployment log, newest first. */
@Component(service = DeploymentsResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("deployments")
public final class DeploymentsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final PluginRegistry registry;

    @Activate
    public DeploymentsResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    /** Parameters are read as text so that {@code limit=abc} is a 400 naming it, not Jersey's 404. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> deployments(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        int from = integer("offset", offset, 0, 0);
        // a limit above the maximum is served at the maximum; the answer's limit says so
        int size = Math.min(integer("limit", limit, DEFAULT_LIMIT, 1), MAX_LIMIT);
        DeploymentPage page = registry.deployments(from, size);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.events().stream().map(PluginJson::deployment).toList());
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    private static int integer(String name, String text, int fallback, int min) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the parameter
        }
        throw ApiException.invalidParameter(name, name + " must be a whole number of at least " + min + ", not '"
                + text + "'");
    }
}
