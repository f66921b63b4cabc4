package org.aibase.isolation.child.internal;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;

import org.aibase.isolation.child.ChildProtocol;

/**
 * The caller as the runtime's gatekeeper established it, from the role header the runtime sets on
 * every forwarded request (the secret proves the header is the runtime's): what the plugin's
 * {@code SecurityContext} and {@code @RolesAllowed} see, as in-process.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class CallerRole implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String role = request.getHeaderString(ChildProtocol.ROLE_HEADER);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return role == null || role.isEmpty() ? null : () -> role;
            }

            @Override
            public boolean isUserInRole(String name) {
                return "admin".equals(role) ? "admin".equals(name) || "user".equals(name)
                        : "user".equals(role) && "user".equals(name);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return role == null || role.isEmpty() ? null : "Bearer";
            }
        });
    }
}
