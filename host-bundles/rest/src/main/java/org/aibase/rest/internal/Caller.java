package org.aibase.rest.internal;

import java.security.Principal;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;

/**
 * Who sent a request, as the gatekeeper established it: the role of the key or session, and how it
 * was proven. An application reads it as its {@code SecurityContext}; the key itself never travels on.
 *
 * @param role the caller's role; empty for an anonymous call of a public endpoint
 * @param scheme {@code Bearer} or {@code Session}; empty when anonymous
 */
public record Caller(Optional<CallerRole> role, Optional<String> scheme) {

    /** Nobody in particular: a public endpoint called without credentials. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Optional.empty());

    /** The caller as a principal named by its role ({@code admin}, {@code user}). */
    public Optional<Principal> principal() {
        return role.map(r -> r::id);
    }

    /** Whether the caller holds the role with this name: {@code admin} holds {@code user} too. */
    public boolean isInRole(String name) {
        return role.isPresent() && CallerRole.byId(name).map(role.get()::grants).orElse(false);
    }
}
