package org.aibase.rest.internal.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ext.RuntimeDelegate;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.PluginGateway;
import org.aibase.deployer.PluginRegistry;
import org.aibase.rest.internal.AccessDecision;
import org.aibase.rest.internal.Caller;
import org.aibase.rest.internal.Gatekeeper;
import org.aibase.rest.internal.GovernorSwitch;
import org.aibase.rest.internal.JacksonJsonExtension;
import org.aibase.rest.internal.SessionCookie;
import org.aibase.rest.internal.mcp.McpEndpoint;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Requester;
import org.glassfish.jersey.server.internal.RuntimeDelegateImpl;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP host: the one servlet at {@code /api/v1/*}, {@code /metrics} and every other path but the
 * Web Console's. It authenticates every request first, so an anonymous caller learns nothing of what
 * exists (a browser opening a page is sent to sign in, {@link SignInRedirect}), then hands it to the
 * platform's application, to the plugin's route ({@code /api/v1/<id>/...}) or to the home page
 * ({@code /} and its files at {@code /api/v1/ui/}). Plugins' applications are built, swapped and
 * drained by {@link PluginHosting}, the platform's by {@link PlatformHosting}; the deployer reaches
 * the host as a {@link PluginGateway}.
 */
@Component(service = { Servlet.class, PluginGateway.class, HttpHost.class })
@HttpWhiteboardServletName("aibase.host")
// "/" is the default servlet: the home page, and a JSON 404 instead of the HTTP service's HTML page
@HttpWhiteboardServletPattern({ "/api/v1/*", HttpHost.METRICS, McpEndpoint.PATH, "/" })
@HttpWhiteboardServletAsyncSupported
public final class HttpHost extends HttpServlet implements PluginGateway {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HttpHost.class);

    static final String METRICS = "/metrics";
    private static final String API = "/api/v1";
    private static final String HOME_FILES = StaticPages.FOLDER;
    private static final String DOCS = "docs";
    private static final String OPENAPI = "/openapi.json";

    private final transient Gatekeeper gatekeeper;
    private final transient ScheduledExecutorService tasks;
    private final transient PluginHosting plugins;
    private final transient PlatformHosting platform;
    private final transient PluginCalls calls;
    private final transient HostReadiness readiness;
    private final transient Bundle self;
    private final transient RouteTable routes;

    // optional: without it (configuration being changed) /mcp answers 503, the rest of the host serves on
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile McpEndpoint mcp;

    @Activate
    public HttpHost(BundleContext context, @Reference Gatekeeper gatekeeper, @Reference Governor governor,
            @Reference GovernorSwitch governorSwitch, @Reference PluginLimits limits,
            @Reference PluginRegistry registry) {
        this.gatekeeper = gatekeeper;
        this.self = context.getBundle();
        // Jakarta REST finds its RuntimeDelegate through ServiceLoader and the context class loader,
        // which in OSGi sees no other bundle's META-INF/services: Jersey's server delegate, once, for all
        RuntimeDelegate.setInstance(new RuntimeDelegateImpl());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                PlatformThreads.named("aibase-http-host", HttpHost.class.getClassLoader()));
        // what is still scheduled when the host goes (a held call's 503 after its plugin's timeout, a
        // build's retry) has nobody left to serve: the host's end does not wait for it
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setRemoveOnCancelPolicy(true);
        this.tasks = timer;
        this.routes = new RouteTable();
        this.calls = new PluginCalls(routes, governor, governorSwitch, limits, registry, tasks);
        this.readiness = new HostReadiness(context, () -> inService() && plugins().allStartedServed());
        this.plugins = new PluginHosting(context, routes, governor, tasks, calls, readiness::recheck);
        this.platform = new PlatformHosting(context, tasks, readiness::recheck);
        plugins.open();
        platform.open();
    }

    private PluginHosting plugins() {
        return plugins;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        readiness.withdraw();
        plugins.close();
        platform.close();
        tasks.shutdown();
        if (!tasks.awaitTermination(5, TimeUnit.SECONDS)) {
            tasks.shutdownNow();
        }
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        plugins.serveWith(config.getServletContext());
        platform.serveWith(config.getServletContext());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        AccessDecision decision = gatekeeper.authorize(request.getMethod(),
                servletPath + (pathInfo == null ? "" : pathInfo), request.getHeader("Authorization"),
                sessionId(request), request.getHeader(Gatekeeper.CSRF_HEADER));
        if (!decision.allowed()) {
            ErrorAnswers.discardSmallBody(request);
            Optional<String> signIn = decision.status() == 401 ? SignInRedirect.location(request) : Optional.empty();
            if (signIn.isPresent()) {
                response.setHeader("Location", signIn.get());
            }
            ErrorAnswers.write(response, signIn.isPresent() ? 303 : decision.status(), decision.code(), decision.message(),
                    Map.of());
            return;
        }
        Caller caller = decision.caller();
        if (METRICS.equals(servletPath)) {
            platform(platform.root(), request, response, "", METRICS, caller);
            return;
        }
        if (McpEndpoint.PATH.equals(servletPath)) {
            mcp(caller, request, response);
            return;
        }
        if (!API.equals(servletPath)) {
            ownPage(StaticPages.FOLDER, servletPath, request, response);
            return;
        }
        String id = firstSegment(pathInfo);
        if (HOME_FILES.equals(id) || DOCS.equals(id)) {
            ownPage(id, pathInfo, request, response);
            return;
        }
        if (OPENAPI.equals(pathInfo) || id != null && pathInfo.equals("/" + id + OPENAPI)) {
            description(OPENAPI.equals(pathInfo) ? null : id, request, response);
            return;
        }
        if (id == null || PluginDescriptor.RESERVED_IDS.contains(id)) {
            platform(platform.api(), request, response, API, pathInfo, caller);
            return;
        }
        Exchange exchange = new Exchange(request, response);
        String rest = pathInfo.substring(id.length() + 1);
        HostedRequest hosted = new HostedRequest(exchange, API + "/" + id, rest.isEmpty() ? null : rest, caller, true);
        calls.dispatch(new PluginCall(id, request.getMethod() + " " + request.getRequestURI(), exchange, hosted,
                new GuardedResponse(response)));
    }

    /** MCP, on the server of the caller's role (authenticated above, like every path). */
    private void mcp(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        McpEndpoint endpoint = mcp;
        if (endpoint == null) {
            ErrorAnswers.discardSmallBody(request);
            ErrorAnswers.write(response, 503, "starting", "The MCP endpoint is not available right now; retry shortly", Map.of());
            return;
        }
        try {
            Optional<McpEndpoint.Refusal> refused = endpoint.serve(caller, request, response);
            if (refused.isPresent()) {
                ErrorAnswers.discardSmallBody(request);
                response.setHeader("Retry-After", String.valueOf(refused.get().retryAfterSeconds()));
                ErrorAnswers.write(response, refused.get().status(), refused.get().code(), refused.get().message(), Map.of());
            }
        } catch (ServletException | RuntimeException e) {
            LOG.error("The MCP endpoint failed on {} {}", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorAnswers.write(response, 500, "internal_error", "An unexpected error occurred", Map.of());
            }
        }
    }

    /**
     * A page of the platform itself, from a folder of this bundle: the home page at {@code /} and its
     * files at {@code /api/v1/ui/} ({@code ui/}), the API's browsable description at
     * {@code /api/v1/docs/} ({@code docs/}, Swagger UI). Read with GET or HEAD; anything else is 404.
     */
    private void ownPage(String folder, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        String file = path.isEmpty() || SignInRedirect.HOME.equals(path) ? "/" + folder + "/" : path;
        Optional<java.net.URL> entry = read ? StaticPages.file(self, folder, file) : Optional.empty();
        if (entry.isEmpty()) {
            ErrorAnswers.discardSmallBody(request);
            ErrorAnswers.write(response, 404, "not_found", "Nothing is at this path; the home page is at /", Map.of());
            return;
        }
        StaticPages.serve(entry.get(), request.getMethod().equals("HEAD"), response);
    }

    /**
     * The OpenAPI description: of everything served ({@code /api/v1/openapi.json}), or of one plugin
     * ({@code /api/v1/<id>/openapi.json}, a path the host keeps for itself in every plugin's space).
     */
    private void description(String pluginId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorAnswers.discardSmallBody(request);
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            ErrorAnswers.write(response, 405, "method_not_allowed", "The API description is read with GET", Map.of());
            return;
        }
        List<ApiDescription.Mount> mounts = new ArrayList<>();
        if (pluginId == null) {
            JerseyContainer api = platform.api();
            JerseyContainer root = platform.root();
            if (api != null) {
                mounts.add(new ApiDescription.Mount(API, api.resourceModel(), Optional.empty()));
            }
            if (root != null) {
                mounts.add(new ApiDescription.Mount("", root.resourceModel(), Optional.empty()));
            }
        }
        new java.util.TreeMap<>(routes.all()).forEach((id, route) -> {
            if (route instanceof Route.Served served && (pluginId == null || pluginId.equals(id))) {
                mounts.add(new ApiDescription.Mount(API + "/" + id, served.application().container().resourceModel(),
                        Optional.of(served.application().descriptor())));
            }
        });
        if (pluginId != null && mounts.isEmpty()) {
            ErrorAnswers.write(response, 404, "not_found", "No plugin '" + pluginId + "' serves HTTP resources now", Map.of());
            return;
        }
        Map<String, Object> document = pluginId == null
                ? ApiDescription.of("AI Base", "The runtime's API and the API of every plugin it serves now.", mounts)
                : ApiDescription.of(mounts.get(0).plugin().orElseThrow().name(), "The API of the plugin " + pluginId
                        + ", served at " + API + "/" + pluginId + ".", mounts);
        byte[] json = JacksonJsonExtension.objectMapper().writeValueAsBytes(document);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(json.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(json);
        }
    }

    /** The platform's own code answers on the calling (Jetty) thread. */
    private void platform(JerseyContainer container, HttpServletRequest request, HttpServletResponse response,
            String servletPath, String pathInfo, Caller caller) throws IOException {
        Exchange exchange = new Exchange(request, response);
        HostedRequest hosted = new HostedRequest(exchange, servletPath, pathInfo, caller, false);
        while (container != null && !container.enter(exchange)) {
            container = METRICS.equals(pathInfo) ? platform.root() : platform.api(); // swapped meanwhile
        }
        if (container == null) {
            ErrorAnswers.write(response, 503, "starting", "The platform's HTTP API is starting; retry shortly", Map.of());
            return;
        }
        try (Requester.Scope acting = Requester.actFor(caller.requester())) { // e.g. whose jobs a user may read
            container.service(hosted, response);
        } catch (ServletException | RuntimeException e) {
            LOG.error("The platform's HTTP API failed on {} {}", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorAnswers.write(response, 500, "internal_error", "An unexpected error occurred", Map.of());
            }
        } finally {
            exchange.serviced();
        }
    }

    @Override
    public void hold(String pluginId) {
        plugins.hold(pluginId);
    }

    @Override
    public void release(String pluginId) {
        plugins.release(pluginId);
    }

    @Override
    public CompletionStage<Void> served(Bundle plugin) {
        return plugins.served(plugin);
    }

    @Override
    public boolean serves(Bundle plugin) {
        return plugins.serves(plugin);
    }

    /** Whether the host's servlet is in service, i.e. HTTP serves the API. */
    public boolean inService() {
        PlatformHosting current = platform;
        return current != null && current.api() != null;
    }

    private static String sessionId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SessionCookie.NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** {@code /hello/greeting} gives {@code hello}; null for no segment. */
    static String firstSegment(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        int end = pathInfo.indexOf('/', 1);
        return pathInfo.substring(1, end < 0 ? pathInfo.length() : end);
    }
}
