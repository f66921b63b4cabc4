package org.aibase.console.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses state-changing requests another site makes a browser send to the Web Console, on every
 * console page, Felix's own (bundles, configuration, components...) and ours: the console
 * authenticates with HTTP Basic, which a browser adds to any request to the host, also one a page
 * of {@code evil.example} posts. The filter is registered on the Web Console's own servlet context
 * (whiteboard context {@value #CONSOLE_CONTEXT}), so it sees {@code /system/console/**} and nothing
 * else.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + ConsoleOriginFilter.CONSOLE_CONTEXT + ")",
        "osgi.http.whiteboard.filter.name=aibase-console-origin" })
public final class ConsoleOriginFilter implements Filter {

    /** The name of the servlet context the Felix Web Console registers its pages in. */
    static final String CONSOLE_CONTEXT = "org.apache.felix.webconsole";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleOriginFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && CrossSiteRequests.STATE_CHANGING.contains(http.getMethod().toUpperCase(Locale.ROOT))) {
            var foreign = CrossSiteRequests.foreignSource(http);
            if (foreign.isPresent()) {
                LOG.warn("Refused a cross-site {} {} from {}", http.getMethod(), http.getRequestURI(), foreign.get());
                answer.setStatus(HttpServletResponse.SC_FORBIDDEN);
                // the request's body is left unread, so Jetty closes the connection after answering: say so
                // before the answer is committed, or a client reuses the connection and meets a closed socket
                answer.setHeader("Connection", "close");
                answer.setContentType("application/json;charset=UTF-8");
                JSON.writeValue(answer.getOutputStream(), Map.of("error", Map.of("code", "forbidden",
                        "message", "A change to the console must come from the console's own pages, not from " + foreign.get(),
                        "details", Map.of())));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
