package org.aibase.plugin.hello;

import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.http.PluginEndpoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** {@code GET /api/v1/hello/greeting?name=Ada} answers {@code {"message":"Hello, Ada!"}}. */
@Component(service = GreetingResource.class, scope = ServiceScope.PROTOTYPE)
@PluginEndpoint("hello")
@Path("greeting")
public final class GreetingResource {

    private final Greeting greeting = new Greeting();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response greet(@QueryParam("name") @DefaultValue("world") String name) {
        java.util.Optional<String> valid = Greeting.validName(name);
        if (valid.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", Map.of(
                            "code", "invalid_name",
                            "message", Greeting.nameProblem(name),
                            "details", Map.of("field", "name"))))
                    .build();
        }
        return Response.ok(Map.of("message", greeting.to(valid.get()))).build();
    }
}
