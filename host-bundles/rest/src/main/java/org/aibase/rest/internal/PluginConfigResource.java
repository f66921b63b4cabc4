package org.aibase.rest.internal;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aibase.sandbox.PluginConfigurations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/plugins/{id}/config}: the effective configuration; {@code PUT} merges a JSON
 * object into it ({@code null} restores a key's default). A wrong type is the registry's 422.
 */
@Component(service = PluginConfigResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("plugins/{id}/config")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginConfigResource {

    private final PluginConfigurations configurations;

    @Activate
    public PluginConfigResource(@Reference PluginConfigurations configurations) {
        this.configurations = configurations;
    }

    @GET
    public Map<String, Object> effective(@PathParam("id") String id) {
        return configurations.effective(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> values) {
        if (values == null) {
            throw new ApiException(400, "empty_body", "Send a JSON object of the keys to set");
        }
        return configurations.update(id, values);
    }
}
