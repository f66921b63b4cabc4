package org.aibase.rest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.LlmStatus;
import org.aibase.rest.internal.host.HttpHost;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: the framework, the HTTP host, the database, the job engine and the plugins. Answers 200 when every
 * started plugin is served and 503 while one is still being built into the host, so a load
 * balancer can wait on it.
 */
@Component(service = HealthResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("health")
public final class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final BundleContext context;
    private final HttpHost host;

    // optional, and never part of "ready": the platform serves plugins with no LLM provider configured
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmStatus llmStatus;

    // optional, reported, never part of "ready": a plugin without storage or jobs is served without them
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(aibase.database=platform)")
    private volatile DataSource database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;

    @Activate
    public HealthResource(BundleContext context, @Reference HttpHost host) {
        this.context = context;
        this.host = host;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context SecurityContext caller) {
        Bundle system = context.getBundle(0);
        List<Map<String, Object>> plugins = plugins();
        long active = plugins.stream().filter(p -> "active".equals(p.get("state"))).count();
        boolean ready = system.getState() == Bundle.ACTIVE && host.inService()
                && plugins.stream().allMatch(p -> (Boolean) p.get("ready"));
        Response.Status status = ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        if (caller.getUserPrincipal() == null) {
            // anyone may ask whether it is up; what runs here, and in which versions, is for callers with a key
            return Response.status(status).entity(Map.of("status", ready ? "up" : "starting", "ready", ready)).build();
        }

        Map<String, Object> framework = new LinkedHashMap<>();
        framework.put("state", BundleStates.name(system.getState()));
        framework.put("start_level", system.adapt(FrameworkStartLevel.class).getStartLevel());
        framework.put("bundles", context.getBundles().length);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "up" : "starting");
        body.put("ready", ready);
        body.put("framework", framework);
        body.put("http", Map.of("status", host.inService() ? "up" : "down"));
        LlmStatus llm = llmStatus;
        body.put("llm", llm == null ? Map.of("status", LlmJson.NOT_CONFIGURED, "endpoints", 0)
                : LlmJson.health(llm.endpoints()));
        body.put("database", database());
        JobStatistics jobStatistics = jobs;
        body.put("jobs", jobStatistics == null ? Map.of("status", "not running")
                : Map.of("status", "up", "node", jobStatistics.nodeId(), "running_here", jobStatistics.runningHere()));
        body.put("plugins", Map.of("active", active, "installed", plugins.size(), "items", plugins));
        return Response.status(status).entity(body).build();
    }

    /** Whether the platform's database answers, within 2 s; why not goes to the log, not to the caller. */
    private Map<String, Object> database() {
        DataSource source = database;
        if (source == null) {
            return Map.of("status", "not running");
        }
        long started = System.nanoTime();
        try (Connection connection = source.getConnection()) {
            if (connection.isValid(2)) {
                return Map.of("status", "up", "check_ms", (System.nanoTime() - started) / 1_000_000);
            }
            LOG.warn("Health: the platform database did not answer within 2 s");
        } catch (SQLException e) {
            LOG.warn("Health: the platform database cannot be reached: {}", e.getMessage());
        }
        return Map.of("status", "down");
    }

    /** Every installed plugin bundle: its state and whether it is served (a plugin not started needs nothing). */
    private List<Map<String, Object>> plugins() {
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders("").get(PluginDescriptor.MANIFEST_HEADER) == null) {
                continue;
            }
            boolean started = bundle.getState() == Bundle.ACTIVE;
            Map<String, Object> plugin = new LinkedHashMap<>();
            plugin.put("bundle", bundle.getSymbolicName());
            plugin.put("version", bundle.getVersion().toString());
            plugin.put("state", BundleStates.name(bundle.getState()));
            plugin.put("served", started && host.serves(bundle));
            plugin.put("ready", !started || host.serves(bundle));
            plugins.add(plugin);
        }
        return plugins;
    }
}
