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
import org.aibase.rest.internal.Caller;
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

import io.modelcontextprotocol.common.McpTransportContext;
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
    private static final long IDLE_RETRY_SECONDS = 60;
    static final String CATALOGUE = "aibase://plugins";
    /** The header of a session's id (lower case, as headers compare). */
    static final String SESSION_HEADER = "mcp-session-id";
    /** The request attribute, and transport context key, of the caller's requester id. */
    private static final String REQUESTER = "org.aibase.mcp.requester";

    /** Why a request was not served: the host answers it in the platform's error shape. */
    public record Refusal(int status, String code, String message, long retryAfterSeconds) {
    }

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
    private final OpenSessions sessions;

    // optional: without the job platform, a task's job is answered by its id instead of followed
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;
    private final PromptOffers templates;
    private final OfferChanges offers = new OfferChanges(CLOSE_WAIT);

    @Activate
    public McpEndpoint(BundleContext context, McpConfiguration config, @Reference TaskRunner runner,
            @Reference PluginRegistry registry, @Reference PluginPrompts prompts) {
        this.runner = runner;
        this.registry = registry;
        ObjectMapper mapper = new ObjectMapper();
        this.json = new JacksonMcpJsonMapper(mapper);
        int maxBytes = Math.max(1024, Math.min(16 << 20, config.max_request_bytes()));
        this.rate = new CallerRate(Math.max(1, Math.min(100_000, config.max_messages_per_minute())), System::nanoTime);
        this.sessions = new OpenSessions(Math.max(1, config.max_sessions()), Math.max(1, config.max_sessions_per_key()),
                Duration.ofMinutes(Math.max(1, config.session_idle_minutes())).toNanos(), System::nanoTime);
        for (CallerRole role : CallerRole.values()) {
            // the SDK's own check of Origin: a present one off the list is 403, an absent one passes (non-browser clients)
            DefaultServerTransportSecurityValidator origins = DefaultServerTransportSecurityValidator.builder()
                    .allowedOrigins(ConfigLists.entries(config.allowed_origins())).build();
            HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(json).mcpEndpoint(PATH).securityValidator(origins).maxRequestSize(maxBytes)
                    .contextExtractor(request -> McpTransportContext.create(
                            Map.of(REQUESTER, String.valueOf(request.getAttribute(REQUESTER)))))
                    .keepAliveInterval(Duration.ofSeconds(30)).build();
            McpAsyncServer server = McpServer.async(transport)
                    .serverInfo("aibase", "1.0.0")
                    .instructions("AI Base plugins' tasks, as tools named <plugin>-<task>. Each runs under its plugin's "
                            + "declared limits (timeout, concurrency, memory, token budget).")
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(true).prompts(true).resources(false, false)
                            .build())
                    .resources(catalogue(role))
                    .resourceTemplates(JobResources.template(role, () -> jobs, json))
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
        this.templates = new PromptOffers(context, prompts, servers.values().stream().map(RoleServer::server).toList(),
                offers);
        templates.open();
    }

    @Deactivate
    void deactivate() {
        templates.close();
        plugins.close();
        offers.close();
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
     * Serves one MCP request of an authenticated caller, on the server of the caller's role, within the
     * caller's allowance of messages and of open sessions.
     *
     * @return why the request was refused, with nothing sent: 429 past the allowance of messages, 503 when
     *         no session may be opened now
     */
    public Optional<Refusal> serve(Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        CallerRole role = caller.role().orElseThrow(); // /mcp needs a role: the host refused anonymous callers
        String requester = caller.requester().orElseThrow();
        if (!rate.admit(requester)) {
            return Optional.of(new Refusal(429, "too_many_requests", "This key sent more MCP messages than allowed per "
                    + "minute (" + PID + " max.messages.per.minute); retry after the Retry-After seconds",
                    rate.retryAfterSeconds()));
        }
        request.setAttribute(REQUESTER, requester);
        String session = request.getHeader(SESSION_HEADER);
        HttpServletStreamableServerTransportProvider transport = servers.get(role).transport();
        if (session == null && request.getMethod().equals("POST")) { // initialize: a new session
            OpenSessions.Room room = sessions.makeRoom(requester);
            if (!room.granted()) {
                return Optional.of(new Refusal(503, "too_many_sessions", "The MCP endpoint has as many open sessions "
                        + "as it may (" + PID + " max.sessions) and none has been idle long enough to be ended; retry "
                        + "later, and end sessions you no longer use (DELETE /mcp)", IDLE_RETRY_SECONDS));
            }
            for (OpenSessions.Open ended : room.toEnd()) {
                servers.get(ended.role()).transport().service(SessionEnd.request(request, ended.id()),
                        SessionEnd.discarded(response));
            }
            transport.service(request, response);
            String opened = response.getHeader(SESSION_HEADER);
            if (opened != null) {
                sessions.opened(opened, role, requester);
            }
            return Optional.empty();
        }
        if (session != null) {
            sessions.used(session);
        }
        transport.service(request, response);
        if (session != null && request.getMethod().equals("DELETE") && response.getStatus() == 200) {
            sessions.ended(session);
        }
        return Optional.empty();
    }

    /** On whose behalf an MCP request was sent ({@link Caller#requester()}). */
    static Optional<String> requester(McpAsyncServerExchange exchange) {
        return Optional.ofNullable(exchange.transportContext().get(REQUESTER)).map(Object::toString)
                .filter(r -> !r.equals("null"));
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
                    McpServerFeatures.AsyncToolSpecification specification = McpServerFeatures.AsyncToolSpecification
                            .builder().tool(tool).callHandler((exchange, call) -> call(exchange, role, target, call)).build();
                    offers.apply(() -> server.server().addTool(specification),
                            e -> LOG.warn("Tool {} could not be offered: {}", target.tool(), e.toString()));
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
                    offers.apply(() -> server.server().removeTool(target.tool()),
                            e -> LOG.debug("Tool {} withdrawn with {}", target.tool(), e.toString()));
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
            return Mono.fromFuture(runner.run(target.plugin(), handler, request, requester(exchange)))
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
            data.put("job_resource", JobResources.uri(result.jobId().get()));
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
