package org.aibase.bench.bare;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The platform's bearer-key check in its simplest equivalent: before matching, the key of
 * {@code Authorization: Bearer <key>} is hashed with SHA-256 and compared in constant time with
 * the digest of the one key in force; anything else answers 401 in JSON.
 */
@PreMatching
public final class BearerKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final byte[] keyDigest;

    public BearerKeyFilter(String key) {
        this.keyDigest = sha256(key);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!bearer || !MessageDigest.isEqual(keyDigest, sha256(authorization.substring(BEARER.length()).strip()))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", Map.of("code", "unauthorized", "message", "The API key is not valid")))
                    .build());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
