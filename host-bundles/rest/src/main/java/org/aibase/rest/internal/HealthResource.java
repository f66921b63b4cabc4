package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.llm.LlmStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/v1/health}: the framework, the HTTP runtime and the plugins. Answers 200 when
 * everything active is serving and 503 while plugin endpoints are still being registered, so a
 * launcher or a load balancer can wait on it.
 */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(PlatformApplication.SELECT)
@Path("health")
public final class HealthResource {

    private final BundleContext context;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile JakartarsServiceRuntime jakartarsRuntime;

    // optional, and never part of "ready": the platform serves plugins with no LLM provider configured
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmStatus llmStatus;

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        JakartarsServiceRuntime runtime = jakartarsRuntime;
        RuntimeDTO dto = runtime == null ? null : runtime.getRuntimeDTO();
        Bundle system = context.getBundle(0);
        List<Map<String, Object>> plugins = PluginReadiness.plugins(context, dto);
        long active = plugins.stream().filter(p -> "active".equals(p.get("state"))).count();
        boolean frameworkUp = system.getState() == Bundle.ACTIVE;
        boolean ready = frameworkUp && dto != null
                && plugins.stream().allMatch(p -> !"active".equals(p.get("state")) || (Boolean) p.get("ready"));

        Map<String, Object> framework = new LinkedHashMap<>();
        framework.put("state", BundleStates.name(system.getState()));
        framework.put("start_level", system.adapt(FrameworkStartLevel.class).getStartLevel());
        framework.put("bundles", context.getBundles().length);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "up" : "starting");
        body.put("ready", ready);
        body.put("framework", framework);
        body.put("http", Map.of("status", dto == null ? "down" : "up"));
        LlmStatus llm = llmStatus;
        body.put("llm", llm == null ? Map.of("status", LlmJson.NOT_CONFIGURED, "endpoints", 0)
                : LlmJson.health(llm.endpoints()));
        body.put("plugins", Map.of("active", active, "installed", plugins.size(), "items", plugins));
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body).build();
    }
}
