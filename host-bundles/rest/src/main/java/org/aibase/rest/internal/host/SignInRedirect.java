package org.aibase.rest.internal.host;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A browser that opens a page without a session is sent to the home page's sign-in, which brings it
 * back afterwards: {@code 303 /?next=<the same path and query>}. Only a navigation qualifies (a
 * {@code GET} or {@code HEAD} whose {@code Accept} lists {@code text/html}, with no
 * {@code Authorization} header); API calls keep their 401 in JSON. The home page follows
 * {@code next} only when it is a path of this server.
 */
final class SignInRedirect {

    static final String HOME = "/";

    private SignInRedirect() {
    }

    /** Where to send the request, if it is a browser navigation. */
    static Optional<String> location(HttpServletRequest request) {
        String method = request.getMethod();
        String accept = request.getHeader("Accept");
        if (!(method.equals("GET") || method.equals("HEAD")) || accept == null || !accept.contains("text/html")
                || request.getHeader("Authorization") != null) {
            return Optional.empty();
        }
        String query = request.getQueryString();
        String next = request.getRequestURI() + (query == null ? "" : "?" + query);
        return Optional.of(HOME + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
}
