package org.aibase.rest.internal.mcp;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.PluginPrompts;
import org.aibase.rest.internal.ApiException;
import org.aibase.rest.internal.ConfigLists;
import org.aibase.rest.internal.TaskAdmission;
import org.aibase.rest.internal.TaskRunner;
import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * The MCP endpoint at {@value #PATH}: every active plugin's declared tasks as tools for AI agents,
 * over the SDK's Streamable HTTP transport (sessions, so agents hear {@code tools/list_changed} the
 * moment a plugin comes or goes). The SDK has no per-caller filter of {@code tools/list}, so there is
 * one server per role and the host routes each authenticated caller to its role's server: a user key
 * never sees an admin tool. A call runs exactly as {@code POST /api/v1/plugins/<id>/tasks} does:
 * the same admission (declared, role, input schema) and the governor's limits and metering; a task
 * that fails is a tool error carrying its code and message, never a protocol error.
 */
@Component(service = McpEndpoint.class, configurationPid = McpEndpoint.PID)
@Designate(ocd = McpConfiguration.class)
public final class McpEndpoint {

    static final String PID = "org.aibase.rest.mcp";
    /** Where agents connect. */
    public static final String PATH = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    static final String CATALOGUE = "aibase://plugins";

    /** One role's server and its transport (the servlet the host hands that role's requests to). */
    private record RoleServer(HttpServletStreamableServerTransportProvider transport, McpAsyncServer server) {
    }

    private final TaskRunner runner;
    private final PluginRegistry registry;
    private final McpJsonMapper json;
    private final Map<CallerRole, RoleServer> servers = new EnumMap<>(CallerRole.class);
    private final Map<String, PluginTools.Target> targets = new ConcurrentHashMap<>();
    private final ServiceTracker<Plugin, List<PluginTools.Target>> plugins;
    private final CallerRate rate;

    // optional: without the job platform, a task's job is answered by its id instead of followed
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;
    private final PromptOffers templates;

    @Activate
    public McpEndpoint(BundleContext context, McpConfiguration config, @Reference TaskRunner runner,
            @Reference PluginRegistry registry, @Reference PluginPrompts prompts) {
        this.runner = runner;
        this.registry = registry;
        ObjectMapper mapper = new ObjectMapper();
        this.json = new JacksonMcpJsonMapper(mapper);
        int maxBytes = Math.max(1024, Math.min(16 << 20, config.max_request_bytes()));
        this.rate = new CallerRate(Math.max(1, Math.min(100_000, config.max_messages_per_minute())), System::nanoTime);
        for (CallerRole role : CallerRole.values()) {
            // the SDK's own check of Origin: a present one off the list is 403, an absent one passes (non-browser clients)
            DefaultServerTransportSecurityValidator origins = DefaultServerTransportSecurityValidator.builder()
                    .allowedOrigins(ConfigLists.entries(config.allowed_origins())).build();
            HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(json).mcpEndpoint(PATH).securityValidator(origins).maxRequestSize(maxBytes)
                    .keepAliveInterval(Duration.ofSeconds(30)).build();
            McpAsyncServer server = McpServer.async(transport)
                    .serverInfo("aibase", "1.0.0")
                    .instructions("AI Base plugins' tasks, as tools named <plugin>-<task>. Each runs under its plugin's "
                            + "declared limits (timeout, concurrency, memory, token budget).")
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(true).prompts(true).resources(false, false)
                            .build())
                    .resources(catalogue(role))
                    .jsonMapper(json)
                    .jsonSchemaValidator(new DefaultJsonSchemaValidator(mapper))
                    .validateToolInputs(false) // admitted below, as POST /tasks admits, with the same messages
                    .build();
            servers.put(role, new RoleServer(transport, server));
        }
        this.plugins = new ServiceTracker<>(context, Plugin.class, null) {
            @Override
            public List<PluginTools.Target> addingService(ServiceReference<Plugin> reference) {
                return publish(reference);
            }

            @Override
            public void removedService(ServiceReference<Plugin> reference, List<PluginTools.Target> published) {
                withdraw(published);
            }
        };
        plugins.open();
        this.templates = new PromptOffers(context, prompts, servers.values().stream().map(RoleServer::server).toList());
        templates.open();
    }

    @Deactivate
    void deactivate() {
        templates.close();
        plugins.close();
        servers.values().forEach(role -> {
            try {
                role.server().closeGracefully().block(CLOSE_WAIT);
            } catch (RuntimeException e) {
                LOG.debug("MCP server closed with {}", e.toString());
            }
        });
        targets.clear();
    }

    /**
     * Serves one MCP request of an authenticated caller, on the server of the caller's role.
     *
     * @param caller who sends it, for the per-caller allowance (a key's digest, or the session)
     * @return false, with nothing sent, when the caller has used its allowance: answer 429
     */
    public boolean serve(CallerRole role, String caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!rate.admit(caller)) {
            return false;
        }
        servers.get(role).transport().service(request, response);
        return true;
    }

    /** Seconds a caller over its allowance should wait. */
    public long retryAfterSeconds() {
        return rate.retryAfterSeconds();
    }

    /**
     * {@value #CATALOGUE}: the plugins, their state and the tools the role sees of each, as JSON
     * (refused files and plugins without tools included, so an agent learns why a tool is missing).
     */
    private McpServerFeatures.AsyncResourceSpecification catalogue(CallerRole role) {
        McpSchema.Resource resource = McpSchema.Resource.builder(CATALOGUE, "plugins").title("AI Base plugins")
                .description("Every plugin with its state and the tools you may call").mimeType("application/json").build();
        return new McpServerFeatures.AsyncResourceSpecification(resource, (exchange, request) -> Mono.fromCallable(() -> {
            List<Map<String, Object>> plugins = registry.plugins().stream().map(record -> {
                Map<String, Object> plugin = new java.util.LinkedHashMap<>();
                plugin.put("id", record.id().orElse(null));
                plugin.put("file", record.file());
                plugin.put("name", record.descriptor().map(PluginDescriptor::name).orElse(null));
                plugin.put("version", record.descriptor().map(PluginDescriptor::version).orElse(null));
                plugin.put("description", record.descriptor().map(PluginDescriptor::description).orElse(null));
                plugin.put("state", record.state().id());
                plugin.put("reason", record.reason().orElse(null));
                plugin.put("tools", record.state() != PluginState.ACTIVE ? List.of() : targets.values().stream()
                        .filter(t -> record.id().filter(t.plugin().id()::equals).isPresent() && PluginTools.visibleTo(role, t))
                        .map(PluginTools.Target::tool).sorted().toList());
                return plugin;
            }).toList();
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(CATALOGUE, "application/json",
                    json.writeValueAsString(Map.of("plugins", plugins)))));
        }));
    }

    /** The tools of a plugin whose Plugin service appeared, on every server whose role may see them. */
    private List<PluginTools.Target> publish(ServiceReference<Plugin> reference) {
        Optional<PluginDescriptor> descriptor = Optional.ofNullable(reference.getBundle()).flatMap(PluginDescriptors::of);
        if (descriptor.isEmpty()) {
            return List.of();
        }
        List<PluginTools.Target> published = PluginTools.of(reference.getBundle().getBundleId(), descriptor.get());
        for (PluginTools.Target target : published) {
            targets.put(target.tool(), target);
            McpSchema.Tool tool = PluginTools.tool(target);
            servers.forEach((role, server) -> {
                if (PluginTools.visibleTo(role, target)) {
                    server.server().addTool(McpServerFeatures.AsyncToolSpecification.builder().tool(tool)
                            .callHandler((exchange, call) -> call(exchange, role, target, call)).build())
                            .subscribe(null, e -> LOG.warn("Tool {} could not be offered: {}", target.tool(), e.toString()));
                }
            });
        }
        return published;
    }

    private void withdraw(List<PluginTools.Target> published) {
        for (PluginTools.Target target : published) {
            targets.remove(target.tool(), target);
            servers.forEach((role, server) -> {
                if (PluginTools.visibleTo(role, target)) {
                    server.server().removeTool(target.tool())
                            .subscribe(null, e -> LOG.debug("Tool {} withdrawn with {}", target.tool(), e.toString()));
                }
            });
        }
    }

    /** Runs the task behind a tool, as POST /tasks does; every outcome is a tool result. */
    private Mono<McpSchema.CallToolResult> call(McpAsyncServerExchange exchange, CallerRole role, PluginTools.Target target,
            McpSchema.CallToolRequest call) {
        TaskRequest request = new TaskRequest(target.task().name(), call.arguments());
        try {
            TaskAdmission.admit(target.plugin(), request, id -> CallerRole.byId(id).map(role::grants).orElse(false));
            // as POST /tasks: the Plugin service's presence is what makes a task runnable (it registers before the
            // plugin's HTTP route, which "active" waits for), and a quarantine stops it
            PluginRecord record = registry.plugin(target.plugin().id()).orElse(null);
            if (record != null && record.state() == PluginState.QUARANTINED) {
                return Mono.just(failure("quarantined", "Plugin '" + target.plugin().id() + "' is quarantined"
                        + record.reason().map(r -> ": " + r).orElse("")));
            }
            Plugin handler = runner.handler(target.bundleId()).orElse(null);
            if (handler == null) {
                return Mono.just(failure("plugin_unavailable", "Plugin '" + target.plugin().id() + "' is changing; retry"));
            }
            return Mono.fromFuture(runner.run(target.plugin(), handler, request))
                    .flatMap(result -> result.jobId().isPresent() && call.progressToken() != null && jobs != null
                            ? JobFollower.follow(jobs, target.plugin().id(), result, exchange,
                                    call.progressToken(), json)
                            : Mono.just(result(result)))
                    .onErrorResume(ApiException.class, e -> Mono.just(failure(e.code(), e.getMessage())));
        } catch (ApiException e) {
            return Mono.just(failure(e.code(), e.getMessage()));
        }
    }

    private McpSchema.CallToolResult result(TaskResult result) {
        if (!result.success()) {
            return failure(result.errorCode().orElse("task_failed"), result.error().orElse("The task failed"));
        }
        Map<String, Object> data = result.data();
        if (result.jobId().isPresent()) { // submitted, not followed: the job id is the answer's way on
            data = new java.util.LinkedHashMap<>(data);
            data.put("job_id", result.jobId().get());
        }
        return success(data, json);
    }

    static McpSchema.CallToolResult success(Map<String, Object> data, McpJsonMapper json) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (IOException e) {
            text = String.valueOf(data);
        }
        return McpSchema.CallToolResult.builder().structuredContent(data).addTextContent(text).isError(false).build();
    }

    static McpSchema.CallToolResult failure(String code, String message) {
        return McpSchema.CallToolResult.builder().addTextContent(code + ": " + message).isError(true)
                .meta(Map.of("aibase/error_code", code)).build();
    }
}
