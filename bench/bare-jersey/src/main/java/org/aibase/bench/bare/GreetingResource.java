package org.aibase.bench.bare;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the hello plugin's GreetingResource does per request, on a plain class path: a new
 * instance per request (the plugin's is a prototype service), a MessageFormat built from the
 * bundle's text, the name checked, a Map written as JSON by Jackson.
 */
@Path("greeting")
public final class GreetingResource {

    private static final int LONGEST_NAME = 100;
    private static final String AUDIENCE = "world";

    private final MessageFormat format = new MessageFormat(
            ResourceBundle.getBundle("messages", Locale.ROOT, GreetingResource.class.getClassLoader()).getString("greeting"),
            Locale.ROOT);

    /** {@code {"message":"Hello, Ada!"}}, or 400 for a blank or too long name. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response greet(@QueryParam("name") String requested) {
        String name = (requested == null ? AUDIENCE : requested).strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", Map.of("code", "invalid_name",
                            "message", "name must be 1 to " + LONGEST_NAME + " characters, got " + name.length(),
                            "details", Map.of("field", "name"))))
                    .build();
        }
        String text;
        synchronized (format) {
            text = format.format(new Object[] { name });
        }
        return Response.ok(Map.of("message", text)).build();
    }
}
