package org.aibase.isolation.child.internal;

import java.security.Principal;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;

import org.aibase.api.plugin.CallerRole;
import org.aibase.isolation.child.ChildProtocol;

/**
 * The caller as the runtime's gatekeeper established it, from the role header the runtime sets on
 * every forwarded request (the secret proves the header is the runtime's): what the plugin's
 * {@code SecurityContext} and {@code @RolesAllowed} see, as in-process.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class RoleFromRuntime implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(ChildProtocol.ROLE_HEADER);
        Optional<CallerRole> caller = header == null ? Optional.empty() : CallerRole.byId(header);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller.<Principal>map(role -> role::id).orElse(null);
            }

            @Override
            public boolean isUserInRole(String name) {
                return caller.isPresent() && CallerRole.byId(name).map(caller.get()::grants).orElse(false);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return caller.isPresent() ? "Bearer" : null;
            }
        });
    }
}
