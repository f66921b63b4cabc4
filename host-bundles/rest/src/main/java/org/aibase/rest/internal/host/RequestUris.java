package org.aibase.rest.internal.host;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriBuilderException;

/**
 * A request's base and request URIs as Jersey's servlet container makes them, without their cost on
 * every request. {@code ServletContainer.service} parses the request URL with Jersey's template-aware
 * {@link UriBuilder} and builds both URIs from it anew for each request: 6.3 us of a 65 us plugin
 * request under load (JFR, hello with the governor off; bare Jersey on Jetty spends 3.4 us there).
 * Here the base is built that way once per origin and kept, and the request URI is the URL and query
 * as they came, when they hold only characters that builder keeps as they are. Anything else (an IPv6
 * host, a brace, a space, a stray {@code %}) is left to Jersey, which answers a bad URI itself.
 */
final class RequestUris {

    /** The two URIs {@code ServletContainer.service(URI, URI, ...)} takes. */
    record Uris(URI base, URI request) {
    }

    /** The base URI kept for the origin (scheme, host, port) and base path it was built for. */
    private record Base(String origin, String path, URI uri) {
    }

    /** The last base built: requests come from one origin, mostly; another replaces it. */
    private volatile Base last;

    /** The request's URIs, or null when Jersey should make them itself. */
    Uris of(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if (path == null || !url.endsWith(path) || !isKeptAsItIs(url, false) || query != null && !isKeptAsItIs(query, true)) {
            return null;
        }
        int originLength = url.length() - path.length();
        String basePath = request.getContextPath() + request.getServletPath() + "/";
        Base base = last;
        if (base == null || base.origin().length() != originLength || !url.startsWith(base.origin())
                || !base.path().equals(basePath)) {
            if (!isKeptAsItIs(basePath, false)) {
                return null;
            }
            try {
                base = new Base(url.substring(0, originLength), basePath,
                        UriBuilder.fromUri(url).replacePath(basePath).build());
            } catch (IllegalArgumentException | UriBuilderException e) {
                return null;
            }
            last = base;
        }
        try {
            // Jersey drops an empty query ("?" and nothing after it), as here
            return new Uris(base.uri(), URI.create(query == null || query.isEmpty() ? url : url + '?' + query));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether Jersey's builder keeps the text as it is: ASCII letters and digits, {@code -._~}, then in a
     * path the other characters RFC 3986 allows unencoded there ({@code !$&'()*+,;=:@/}), in a query only
     * {@code &=+} (Jersey encodes the rest), and {@code %} only before two hex digits.
     */
    static boolean isKeptAsItIs(String text, boolean query) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                continue;
            }
            switch (c) {
                case '-', '.', '_', '~', '&', '=', '+':
                    continue;
                case '!', '$', '\'', '(', ')', '*', ',', ';', ':', '@', '/':
                    if (query) {
                        return false;
                    }
                    continue;
                case '%':
                    if (i + 2 < length && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                        i += 2;
                        continue;
                    }
                    return false;
                default:
                    return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
