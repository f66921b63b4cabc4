package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Authenticates every request of every application (the platform's and each plugin's) before
 * Jersey matches it, so an unknown path does not tell an anonymous caller whether it exists. The
 * {@link Gatekeeper} decides; this only reads the request and refuses it.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName(AuthenticationFilter.NAME)
@JakartarsApplicationSelect("(osgi.jakartars.name=*)")
@PreMatching
public final class AuthenticationFilter implements ContainerRequestFilter {

    /** The extension name that applications require so they are never served without it. */
    static final String NAME = "aibase.auth";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The request property carrying the caller's role, for resources that need it. */
    static final String ROLE_PROPERTY = "aibase.role";
    /** Bodies up to this size are read away before a refusal is sent (see discardSmallBody). */
    static final long DISCARDED_BODY_LIMIT = 1 << 20;

    private final Gatekeeper gatekeeper;

    @Activate
    public AuthenticationFilter(@Reference Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    /**
     * Reads away a refused request's body when it is small. A server that answers and closes while
     * the client is still sending makes TCP reset the connection, and a client that does not ask
     * {@code Expect: 100-continue} (browsers, java.net.http) then sees a broken connection instead
     * of the 401/403. Large bodies are not read for a caller who is not allowed in.
     */
    private static void discardSmallBody(ContainerRequestContext request) {
        if (!request.hasEntity() || request.getLength() < 0 || request.getLength() > DISCARDED_BODY_LIMIT) {
            return;
        }
        try (InputStream body = request.getEntityStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the client went away or sent less than announced: nothing left to protect
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        AccessDecision decision = gatekeeper.authorize(request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                cookie == null ? null : cookie.getValue(),
                request.getHeaderString(CSRF_HEADER));
        if (!decision.allowed()) {
            discardSmallBody(request);
            request.abortWith(decision.toResponse());
            return;
        }
        decision.role().ifPresent(role -> request.setProperty(ROLE_PROPERTY, role.id()));
    }
}
