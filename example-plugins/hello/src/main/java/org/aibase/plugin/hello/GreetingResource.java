package org.aibase.plugin.hello;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.http.HttpError;
import org.aibase.api.http.PluginEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * {@code GET /api/v1/hello/greeting?name=Ada} answers {@code {"message":"Hello, Ada!"}}; without a
 * name it greets the configured {@code audience} (configuration {@code aibase.plugin.hello}). One
 * instance serves every request: it holds no request state.
 */
@Component(service = GreetingResource.class, configurationPid = "aibase.plugin.hello")
@PluginEndpoint("hello")
@Path("greeting")
public final class GreetingResource {

    /** The plugin's configuration; the platform fills in plugin.yaml's defaults. */
    @interface Configuration {
        String audience() default "world";
    }

    private final Greeting greeting = new Greeting();
    private volatile String audience;

    @Activate
    public GreetingResource(Configuration configuration) {
        this.audience = configuration.audience();
    }

    @Modified
    void modified(Configuration configuration) {
        this.audience = configuration.audience();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response greet(@QueryParam("name") String requested) {
        String name = requested == null ? audience : requested;
        java.util.Optional<String> valid = Greeting.validName(name);
        if (valid.isEmpty()) {
            throw new HttpError(400, "invalid_name", Greeting.nameProblem(name), Map.of("field", "name"));
        }
        return Response.ok(Map.of("message", greeting.to(valid.get()))).build();
    }
}
