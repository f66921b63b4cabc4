package org.aibase.plugin.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.aibase.api.http.PluginEndpoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The web page, {@code /api/v1/dashboard/ui/}: static files from the plugin's {@code ui/} folder. */
@Component(service = DashboardPage.class, scope = ServiceScope.PROTOTYPE)
@PluginEndpoint("dashboard")
@Path("ui")
public final class DashboardPage {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    @GET
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            return ApiErrors.of(404, "not_found", "the page has no file " + file + " (files: "
                    + String.join(", ", FILES.keySet()) + ")", Map.of("field", "file"));
        }
        try (InputStream in = DashboardPage.class.getResourceAsStream("/ui/" + file)) {
            if (in == null) {
                return ApiErrors.of(404, "not_found", "the page has no file " + file, Map.of("field", "file"));
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:")
                    .build();
        } catch (IOException e) {
            return ApiErrors.of(404, "not_found", "the page file " + file + " could not be read", Map.of("field", "file"));
        }
    }
}
