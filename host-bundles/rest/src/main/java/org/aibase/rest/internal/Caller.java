package org.aibase.rest.internal;

import java.security.Principal;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;

/**
 * Who sent a request, as the gatekeeper established it: the role of the key or session, how it was
 * proven, and a stable digest of the credential behind it. An application reads it as its
 * {@code SecurityContext} (the caller is its own principal, named by the role); the key itself never
 * travels on.
 *
 * @param role the caller's role; empty for an anonymous call of a public endpoint
 * @param scheme {@code Bearer} or {@code Session}; empty when anonymous
 * @param requester the credential's digest ({@code key:<hex>}, or {@code console:<hex>} for a Web Console
 *        user's session), the same for a key and the sessions signed in with it: what a job submitted for
 *        the caller records as its owner ({@link org.aibase.sandbox.Requester}); empty when anonymous
 */
public record Caller(Optional<CallerRole> role, Optional<String> scheme, Optional<String> requester) implements Principal {

    /** Nobody in particular: a public endpoint called without credentials. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Optional.empty(), Optional.empty());

    /** The requester id of an API key, from its unsalted SHA-256 digest. */
    static String keyRequester(byte[] keyDigest) {
        return "key:" + fingerprint(keyDigest);
    }

    /** The requester id of a Web Console user. */
    static String consoleRequester(String user) {
        return "console:" + fingerprint(ApiKeys.digest("", user));
    }

    /** A short form of a credential's digest, to tell callers apart without holding their keys (e.g. for rate limits). */
    private static String fingerprint(byte[] digest) {
        return java.util.HexFormat.of().formatHex(digest, 0, 12);
    }

    /** The caller as a principal named by its role ({@code admin}, {@code user}). */
    public Optional<Principal> principal() {
        return role.map(r -> this);
    }

    /** The caller of a {@code SecurityContext}, when the platform's gatekeeper established it. */
    public static Optional<Caller> of(jakarta.ws.rs.core.SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    @Override
    public String getName() {
        return role.map(CallerRole::id).orElse(null);
    }

    @Override
    public String toString() { // what a plugin that prints its principal sees: the role, nothing of the credential
        return String.valueOf(getName());
    }

    /** Whether the caller holds the role with this name: {@code admin} holds {@code user} too. */
    public boolean isInRole(String name) {
        return role.isPresent() && CallerRole.byId(name).map(role.get()::grants).orElse(false);
    }
}
