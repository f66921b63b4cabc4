package org.aibase.api.http;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Outbound HTTP for plugins with the {@code network} permission, only to the hosts listed under
 * {@code network_hosts} in {@code plugin.yaml}; each plugin gets its own instance, metered per plugin.
 */
@ProviderType
public interface OutboundHttp {

    /**
     * Sends the call and waits for the whole answer; redirects are not followed (a redirect could
     * lead to a host that is not declared) and come back as the 3xx result.
     *
     * @throws OutboundHttpException {@code host_not_allowed} or {@code scheme_not_allowed} naming what
     *         is allowed, {@code timeout}, {@code interrupted}, {@code network_error}
     */
    HttpResult send(HttpCall call);
}
