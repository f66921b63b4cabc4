package org.aibase.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Protects the page's actions against cross-site request forgery. The Web Console authenticates with
 * HTTP Basic, which a browser sends along with any request, also one another site makes it send; so
 * every action must carry a token that only a page served to the signed-in user can know: an HMAC
 * of the user name under a secret drawn at activation. A request whose {@code Origin} names another
 * host is refused as well.
 */
final class RequestForgeryGuard {

    /** The header the page's script sends the token in. */
    static final String HEADER = "X-AIBase-Token";
    /** The form field a plain form would send it in. */
    static final String FIELD = "token";

    private static final String REMOTE_USER_ATTRIBUTE = "org.osgi.service.http.authentication.remote.user";

    private final byte[] secret;

    RequestForgeryGuard() {
        this(randomSecret());
    }

    RequestForgeryGuard(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The token of the user this request is authenticated as. */
    String tokenFor(HttpServletRequest request) {
        return token(user(request));
    }

    /** Why the request is refused, or {@code null} when it carries the user's token and comes from this origin. */
    String refusal(HttpServletRequest request) {
        var foreign = CrossSiteRequests.foreignSource(request);
        if (foreign.isPresent()) {
            return "the request comes from another origin (" + foreign.get() + ")";
        }
        String given = request.getHeader(HEADER);
        if (given == null) {
            given = request.getParameter(FIELD);
        }
        if (given == null || given.isBlank()) {
            return "the request carries no token: send the page's token in the " + HEADER + " header";
        }
        byte[] expected = token(user(request)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.US_ASCII))) {
            return "the token is not this page's: reload the page";
        }
        return null;
    }

    String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("aibase-console:" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String user(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null && request.getAttribute(REMOTE_USER_ATTRIBUTE) instanceof String attribute) {
            user = attribute;
        }
        return user == null ? "" : user;
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
