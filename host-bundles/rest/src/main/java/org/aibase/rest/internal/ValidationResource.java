package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.aibase.deployer.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/validate}: checks a JAR against this runtime without installing it. Answers
 * 200 with the report whether the JAR is valid or not: the report is the answer asked for.
 */
@Component(service = ValidationResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("validate")
public final class ValidationResource {

    private final PluginRegistry registry;
    private final JarUploads uploads;

    @Activate
    public ValidationResource(@Reference PluginRegistry registry, @Reference JarUploads uploads) {
        this.registry = registry;
        this.uploads = uploads;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> validate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body) throws IOException {
        try (StagedJar jar = uploads.stage(type, length, body)) {
            return registry.validate(jar.path()).toMap();
        }
    }
}
