package ${package};

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.prompt.PromptTemplates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/${pluginId}/greeting?name=Ada} answers {@code {"message": "Hello, Ada!"}}. A DS
 * component marked {@code @PluginEndpoint("${pluginId}")}: the platform serves it under the plugin's
 * prefix. One instance serves every request, so it keeps no request state.
 */
@Component(service = GreetingResource.class, configurationPid = "aibase.plugin.${pluginId}")
@PluginEndpoint("${pluginId}")
@Path("greeting")
public final class GreetingResource {

    private final PromptTemplates templates;
    private volatile Greeter greeter;

    @Activate
    public GreetingResource(@Reference PromptTemplates templates, PluginConfiguration configuration) {
        this.templates = templates;
        this.greeter = new Greeter(templates, configuration);
    }

    /** A configuration change applies to the next request. */
    @Modified
    void modified(PluginConfiguration configuration) {
        this.greeter = new Greeter(templates, configuration);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> greet(@QueryParam("name") String name) {
        return Map.of("message", greeter.greet(name));
    }
}
