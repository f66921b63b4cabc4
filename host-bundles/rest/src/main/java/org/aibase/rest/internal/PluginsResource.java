package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.plugin.Category;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.deployer.RegistryException;
import org.aibase.validator.ValidationReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/plugins}: list, inspect, upload, start, stop, quarantine and uninstall plugins. */
@Component(service = PluginsResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]{0,99}\\.jar");

    private final PluginRegistry registry;
    private final JarUploads uploads;
    private final PluginUsage usage;

    @Activate
    public PluginsResource(@Reference PluginRegistry registry, @Reference JarUploads uploads, @Reference PluginUsage usage) {
        this.registry = registry;
        this.uploads = uploads;
        this.usage = usage;
    }

    @GET
    public Map<String, Object> list(@QueryParam("capability") String capability,
            @QueryParam("category") String category, @QueryParam("state") String state) {
        Predicate<PluginRecord> filter = r -> true;
        if (capability != null) {
            filter = filter.and(r -> r.descriptor().map(d -> d.capabilities().contains(capability)).orElse(false));
        }
        if (category != null) {
            Category wanted = Category.fromId(category).orElseThrow(() -> ApiException.invalidParameter("category",
                    "'" + category + "' is not a category (allowed: " + ids(Category.values(), Category::id) + ")"));
            filter = filter.and(r -> r.descriptor().map(d -> d.category() == wanted).orElse(false));
        }
        if (state != null) {
            PluginState wanted = Arrays.stream(PluginState.values()).filter(s -> s.id().equals(state)).findFirst()
                    .orElseThrow(() -> ApiException.invalidParameter("state", "'" + state
                            + "' is not a state (allowed: " + ids(PluginState.values(), PluginState::id) + ")"));
            filter = filter.and(r -> r.state() == wanted);
        }
        List<Map<String, Object>> items = registry.plugins().stream().filter(filter).map(PluginJson::record).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", items.size());
        return json;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> plugin(@PathParam("id") String id) {
        return PluginJson.record(PluginLookup.require(registry, id));
    }

    /** What the plugin's HTTP resources and work did since the platform started, and its effective limits. */
    @GET
    @Path("{id}/usage")
    public Map<String, Object> usage(@PathParam("id") String id) {
        PluginRecord record = PluginLookup.require(registry, id);
        return usage.of(record);
    }

    @POST
    public Response upload(@QueryParam("file") String file, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body) throws IOException {
        if (file != null && !FILE_NAME.matcher(file).matches()) {
            throw ApiException.invalidParameter("file", "'" + file
                    + "' is not a plain JAR file name (letters, digits, '.', '_', ending in .jar)");
        }
        try (StagedJar jar = uploads.stage(type, length, body)) {
            // the id names the file; install() validates again and tells a conflict (409) from an invalid JAR (422)
            ValidationReport report = registry.validate(jar.path());
            String fileName = file != null ? file
                    : report.descriptor().map(d -> d.id() + ".jar").orElseThrow(() -> new RegistryException(
                            RegistryException.Kind.INVALID, "The plugin is refused: " + report.verdict(), report));
            PluginRecord record = registry.install(fileName, jar.path());
            String id = record.id().orElseGet(() -> report.descriptor().orElseThrow().id());
            return Response.created(URI.create("/api/v1/plugins/" + id))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(PluginJson.record(record))
                    .build();
        }
    }

    @DELETE
    @Path("{id}")
    public Response uninstall(@PathParam("id") String id) {
        registry.uninstall(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/start")
    public Map<String, Object> start(@PathParam("id") String id) {
        return PluginJson.record(registry.start(id));
    }

    @POST
    @Path("{id}/stop")
    public Map<String, Object> stop(@PathParam("id") String id) {
        return PluginJson.record(registry.stop(id));
    }

    /**
     * Quarantines the plugin on an operator's word, or pins or unpins its quarantine in force; body
     * {@code {"reason": "...", "pin": true}}, both optional (see {@link QuarantineRequest}).
     */
    @POST
    @Path("{id}/quarantine")
    public Map<String, Object> quarantine(@PathParam("id") String id, String body) {
        QuarantineRequest request = QuarantineRequest.parse(body);
        return PluginJson.record(registry.quarantine(id, request.reason(), request.pin()));
    }

    private static <E> String ids(E[] values, java.util.function.Function<E, String> id) {
        return String.join(", ", Arrays.stream(values).map(id).toList());
    }
}
