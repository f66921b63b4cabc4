package org.aibase.rest.internal;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aibase.llm.LlmStatus;
import org.aibase.llm.LlmUsage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/llm} (user): {@code GET models} lists the configured endpoints' models with their
 * health and whether a key is set; {@code GET usage} what each plugin used and its hourly window.
 */
@Component(service = LlmResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("llm")
public final class LlmResource {

    private final LlmStatus status;
    private final LlmUsage usage;

    @Activate
    public LlmResource(@Reference LlmStatus status, @Reference LlmUsage usage) {
        this.status = status;
        this.usage = usage;
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> models() {
        return LlmJson.models(status.endpoints());
    }

    @GET
    @Path("usage")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> usage() {
        return LlmJson.usage(usage.usage(), usage.windows());
    }
}
