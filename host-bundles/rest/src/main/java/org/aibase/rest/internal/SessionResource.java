package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.aibase.api.plugin.CallerRole;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Browser sign-in: {@code POST /api/v1/session} with {@code {"key":"..."}} (or a bearer header), or
 * with the Web Console's {@code {"user":"...","password":"..."}} (an admin session), sets the
 * HttpOnly session cookie and returns the CSRF token; {@code GET} tells a page of the same origin
 * who is signed in and the token (so every page of one browser shares one sign-in);
 * {@code DELETE} signs out.
 */
@Component(service = SessionResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@Path("session")
public final class SessionResource {

    // a sign-in body is one short key; anything longer is not one
    private static final int MAX_BODY = 16 * 1024;

    private final Gatekeeper gatekeeper;

    @Activate
    public SessionResource(@Reference Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri,
            InputStream body) throws IOException {
        String bearer = Gatekeeper.bearerToken(authorization).orElse(null);
        BrowserSession session = bearer != null ? byKey(bearer) : fromBody(body);
        return Response.ok(describe(session), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(session.id(), secure(uri)))
                .build();
    }

    /** The caller's session: its role and CSRF token; a bearer caller learns its role (it needs no token). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> current(@CookieParam(SessionCookie.NAME) String sessionId,
            @Context SecurityContext security) {
        if (security.getAuthenticationScheme() != null && security.getAuthenticationScheme().equals("Bearer")) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("role", security.isUserInRole(CallerRole.ADMIN.id()) ? CallerRole.ADMIN.id() : CallerRole.USER.id());
            answer.put("scheme", "Bearer");
            return answer;
        }
        return describe(gatekeeper.session(sessionId).orElseThrow(() -> new ApiException(401, "unauthorized",
                "The session has expired or was ended; sign in again")));
    }

    @DELETE
    public Response signOut(@CookieParam(SessionCookie.NAME) String sessionId, @Context UriInfo uri) {
        gatekeeper.signOut(sessionId);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(secure(uri))).build();
    }

    private Map<String, Object> describe(BrowserSession session) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", session.role().id());
        answer.put("scheme", "Session");
        answer.put("csrf_token", session.csrfToken());
        answer.put("idle_minutes", gatekeeper.sessionIdle().toMinutes());
        return answer;
    }

    private BrowserSession byKey(String key) {
        return gatekeeper.signIn(key).orElseThrow(() -> new ApiException(401, "unauthorized", "The API key is not valid"));
    }

    /** {@code {"key": ...}} or {@code {"user": ..., "password": ...}}; nothing else signs in. */
    private BrowserSession fromBody(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, "payload_too_large", "A sign-in body is at most " + MAX_BODY + " bytes");
        }
        JsonNode json = bytes.length == 0 ? null : JacksonJsonExtension.objectMapper().readTree(bytes);
        if (json == null || !json.isObject()) {
            throw new ApiException(401, "unauthorized", "Send {\"key\": \"<API key>\"}, the Web Console's "
                    + "{\"user\": \"...\", \"password\": \"...\"}, or the header Authorization: Bearer <key>");
        }
        if (json.has("key")) {
            return byKey(text(json, "key"));
        }
        if (!json.has("user") && !json.has("password")) {
            throw ApiException.invalidParameter("key", "The body must hold a string \"key\", or \"user\" and \"password\"");
        }
        return gatekeeper.signIn(text(json, "user"), text(json, "password")).orElseThrow(() -> new ApiException(401,
                "unauthorized", "The user or the password is not the Web Console's"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiException.invalidParameter(field, "\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static boolean secure(UriInfo uri) {
        return uri != null && "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
