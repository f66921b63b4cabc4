package org.aibase.rest.internal.host;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.aibase.rest.internal.Caller;
import org.aibase.rest.internal.SessionCookie;

/**
 * A request as an application's Jersey container sees it: its servlet path is the application's
 * base ({@code /api/v1/<id>}), the caller's identity is its {@code SecurityContext}, and, for a
 * plugin, the credentials are gone — a plugin reads who calls, never the key or the session that
 * proves it. Suspending the response goes through the {@link Exchange}, which owns its end.
 */
final class HostedRequest extends HttpServletRequestWrapper {

    /** Headers a plugin never sees (names compared ignoring case). */
    private static final List<String> CREDENTIALS = List.of("authorization", "x-csrf-token", "proxy-authorization");
    private static final String COOKIE = "cookie";
    /** The servlet specification's own request attributes (async dispatch, includes, TLS), which a plugin may read. */
    private static final String STANDARD_ATTRIBUTES = "jakarta.servlet.";

    private final String servletPath;
    private final String pathInfo;
    private final Caller caller;
    private final boolean hideCredentials;
    private final Exchange exchange;
    /** For a plugin: the attributes set through this request (by Jersey, by the plugin), which it may read back. */
    private Set<String> ownAttributes;

    /**
     * @param servletPath the application's base, e.g. {@code /api/v1/hello}, or empty for the root
     * @param pathInfo the rest of the path, starting with {@code /}, or null
     * @param hideCredentials true for a plugin's container
     */
    HostedRequest(Exchange exchange, String servletPath, String pathInfo, Caller caller, boolean hideCredentials) {
        super(exchange.request());
        this.exchange = exchange;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.caller = caller;
        this.hideCredentials = hideCredentials;
    }

    /** Who sent the request, as the gatekeeper established it. */
    Caller caller() {
        return caller;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller.principal().orElse(null);
    }

    @Override
    public String getRemoteUser() {
        return caller.principal().map(Principal::getName).orElse(null);
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.isInRole(role);
    }

    @Override
    public String getAuthType() {
        return caller.scheme().orElse(null);
    }

    @Override
    public String getHeader(String name) {
        if (!hideCredentials) {
            return super.getHeader(name);
        }
        if (isCredential(name)) {
            return null;
        }
        return COOKIE.equalsIgnoreCase(name) ? withoutSessionCookie(super.getHeader(name)) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!hideCredentials) {
            return super.getHeaders(name);
        }
        if (isCredential(name)) {
            return Collections.emptyEnumeration();
        }
        if (!COOKIE.equalsIgnoreCase(name)) {
            return super.getHeaders(name);
        }
        List<String> kept = new ArrayList<>();
        for (Enumeration<String> values = super.getHeaders(name); values.hasMoreElements();) {
            String value = withoutSessionCookie(values.nextElement());
            if (value != null) {
                kept.add(value);
            }
        }
        return Collections.enumeration(kept);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        if (!hideCredentials) {
            return super.getHeaderNames();
        }
        return only(super.getHeaderNames(), name -> !isCredential(name));
    }

    /** Whether a header carries a credential: compared without a lower-case copy, as Jersey asks for every header. */
    private static boolean isCredential(String name) {
        for (String credential : CREDENTIALS) {
            if (credential.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /*
     * A plugin reads the request's attributes as its request context's properties. The server's own
     * attributes are not for it: Jetty keeps the cookies it parsed for the gatekeeper in one, session
     * cookie included. A plugin sees the standard ones and those set through this request.
     */

    @Override
    public Object getAttribute(String name) {
        return !hideCredentials || isForPlugin(name) ? super.getAttribute(name) : null;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        if (!hideCredentials) {
            return super.getAttributeNames();
        }
        return only(super.getAttributeNames(), this::isForPlugin);
    }

    private static Enumeration<String> only(Enumeration<String> names, Predicate<String> kept) {
        List<String> left = new ArrayList<>();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (kept.test(name)) {
                left.add(name);
            }
        }
        return Collections.enumeration(left);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (hideCredentials && name != null) {
            synchronized (this) { // Jersey and a plugin's asynchronous work may set attributes on different threads
                if (ownAttributes == null) {
                    ownAttributes = new HashSet<>();
                }
                ownAttributes.add(name);
            }
        }
        super.setAttribute(name, value);
    }

    private boolean isForPlugin(String name) {
        if (name == null) {
            return false;
        }
        if (name.startsWith(STANDARD_ATTRIBUTES)) {
            return true;
        }
        synchronized (this) {
            return ownAttributes != null && ownAttributes.contains(name);
        }
    }

    @Override
    public Cookie[] getCookies() {
        Cookie[] cookies = super.getCookies();
        if (!hideCredentials || cookies == null) {
            return cookies;
        }
        return java.util.Arrays.stream(cookies).filter(c -> !SessionCookie.NAME.equals(c.getName())).toArray(Cookie[]::new);
    }

    @Override
    public boolean isAsyncStarted() {
        return exchange.asyncStarted();
    }

    @Override
    public AsyncContext getAsyncContext() {
        // Jersey asks for the context when it suspends a response the host made asynchronous already
        return exchange.applicationAsync(this, exchange.response());
    }

    @Override
    public AsyncContext startAsync() {
        return exchange.applicationAsync(this, exchange.response());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return exchange.applicationAsync(request, response);
    }

    /** The Cookie header without the platform's session cookie; null when nothing else is left. */
    static String withoutSessionCookie(String header) {
        if (header == null || !header.contains(SessionCookie.NAME)) {
            return header;
        }
        StringBuilder kept = new StringBuilder();
        for (String part : header.split(";")) {
            String cookie = part.strip();
            if (!cookie.isEmpty() && !cookie.startsWith(SessionCookie.NAME + "=")) {
                kept.append(kept.length() == 0 ? "" : "; ").append(cookie);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }
}
