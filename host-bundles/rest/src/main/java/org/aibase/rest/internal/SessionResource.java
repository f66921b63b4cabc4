package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Browser sign-in: {@code POST /api/v1/session} with {@code {"key":"..."}} (or a bearer header)
 * sets the HttpOnly session cookie and returns the CSRF token; {@code DELETE} signs out.
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
        String key = bearer != null ? bearer : keyFromBody(body);
        BrowserSession session = gatekeeper.signIn(key).orElseThrow(() -> new ApiException(401, "unauthorized",
                key == null ? "Send {\"key\": \"<API key>\"} or the header Authorization: Bearer <key>"
                        : "The API key is not valid"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", session.role().id());
        answer.put("csrf_token", session.csrfToken());
        answer.put("idle_minutes", gatekeeper.sessionIdle().toMinutes());
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(session.id(), secure(uri)))
                .build();
    }

    @DELETE
    public Response signOut(@CookieParam(SessionCookie.NAME) String sessionId, @Context UriInfo uri) {
        gatekeeper.signOut(sessionId);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(secure(uri))).build();
    }

    private static String keyFromBody(InputStream body) throws IOException {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, "payload_too_large", "A sign-in body is at most " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            return null;
        }
        JsonNode json = JacksonJsonExtension.objectMapper().readTree(bytes);
        JsonNode key = json == null ? null : json.get("key");
        if (key == null || !key.isTextual()) {
            throw ApiException.invalidParameter("key", "The body must be a JSON object with a string \"key\"");
        }
        return key.asText();
    }

    private static boolean secure(UriInfo uri) {
        return uri != null && "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
