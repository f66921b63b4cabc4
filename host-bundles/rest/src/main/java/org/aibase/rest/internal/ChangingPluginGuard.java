package org.aibase.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line in front of the REST servlets. While a plugin stops or updates, the whiteboard tears
 * its application down and a request can still reach it: Jersey then fails before any exception
 * mapper can answer (the resource's service is already gone) and the servlet container would send
 * its own HTML 500. Such a request gets 503 with {@code Retry-After} in our JSON instead; any other
 * failure that escaped Jersey gets the usual JSON 500 with an error id.
 */
// a preprocessor, not a filter: it wraps every dispatch whatever servlet context the REST whiteboard uses
@Component(service = Preprocessor.class)
public final class ChangingPluginGuard implements Preprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(ChangingPluginGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginRegistry registry;

    @Activate
    public ChangingPluginGuard(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !http.getRequestURI().startsWith("/api/v1/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            // the HTTP service catches a servlet's exception itself and calls sendError(500): answer there
            chain.doFilter(request, response instanceof HttpServletResponse answer
                    ? new HttpServletResponseWrapper(answer) {
                        @Override
                        public void sendError(int status, String message) throws IOException {
                            if (status >= 500 && !isCommitted()) {
                                answer(http, answer, null);
                            } else {
                                super.sendError(status, message);
                            }
                        }

                        @Override
                        public void sendError(int status) throws IOException {
                            sendError(status, null);
                        }
                    }
                    : response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || !(response instanceof HttpServletResponse answer)) {
                throw failure;
            }
            answer(http, answer, failure);
        }
    }

    @SuppressWarnings("unchecked")
    private void answer(HttpServletRequest request, HttpServletResponse response, Exception failure) throws IOException {
        response.reset();
        Optional<PluginRecord> plugin = pluginOf(request.getRequestURI()).flatMap(registry::plugin);
        Map<String, Object> body;
        if (plugin.isPresent()) {
            String id = plugin.get().id().orElseThrow();
            LOG.debug("A request to plugin {} failed while its application changed", id, failure);
            response.setStatus(503);
            response.setHeader("Retry-After", "1");
            body = ApiError.body("plugin_unavailable", "Plugin '" + id
                    + "' is changing (starting, stopping or updating); retry shortly", UnavailablePlugins.details(plugin.get()));
        } else {
            response.setStatus(500);
            body = (Map<String, Object>) UnexpectedErrorMapper.logged(failure != null ? failure
                    : new ServletException("a servlet failed with 500 (the HTTP service logged why)")).getEntity();
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** {@code /api/v1/<id>/...} → id. */
    static Optional<String> pluginOf(String uri) {
        String[] segments = (uri == null ? "" : uri).split("/");
        return segments.length < 4 || segments[3].isEmpty() ? Optional.empty() : Optional.of(segments[3]);
    }
}
