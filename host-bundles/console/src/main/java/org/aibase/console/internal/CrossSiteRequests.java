package org.aibase.console.internal;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a request a browser sent on another site's behalf: its {@code Origin} (or, when a browser
 * sends none, its {@code Referer}) names a host other than the one the request was sent to. A request
 * with neither header comes from a program, not from another site's page, and is not judged here.
 */
final class CrossSiteRequests {

    /** The methods that change state: the only ones judged (a GET changes nothing on the console). */
    static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    private CrossSiteRequests() {
    }

    /** The foreign source of a request, e.g. {@code http://evil.example}; empty when it comes from the console's own host or names none. */
    static Optional<String> foreignSource(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.equals("null")) {
            source = request.getHeader("Referer");
        }
        if (source == null) {
            return Optional.empty();
        }
        return sameHost(source, request.getHeader("Host")) ? Optional.empty() : Optional.of(source);
    }

    private static boolean sameHost(String source, String host) {
        try {
            URI uri = URI.create(source.strip());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false; // not even a URI: nothing proves it is ours
        }
    }
}
