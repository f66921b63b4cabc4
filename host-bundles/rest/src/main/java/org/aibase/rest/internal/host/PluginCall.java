package org.aibase.rest.internal.host;

/**
 * A request for a plugin's application, as the host carries it: the exchange, what the plugin's
 * container sees of the request, and the response the host can take back from the plugin's code.
 *
 * @param pluginId the plugin the request is for
 * @param name what logs and errors call it, e.g. {@code GET /api/v1/hello/greeting}
 */
record PluginCall(String pluginId, String name, Exchange exchange, HostedRequest request, GuardedResponse response) {

    /** The same request, to be served again: a fresh hold on the response (this one was taken over). */
    PluginCall again() {
        return new PluginCall(pluginId, name, exchange, request, new GuardedResponse(exchange.response()));
    }
}
