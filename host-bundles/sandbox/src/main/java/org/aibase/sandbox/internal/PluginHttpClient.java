package org.aibase.sandbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.aibase.api.http.HttpCall;
import org.aibase.api.http.HttpResult;
import org.aibase.api.http.OutboundHttpException;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;

/**
 * One plugin's outbound HTTP: only {@code http}/{@code https}, only to its declared hosts, never
 * following redirects (a redirect is a way to an undeclared host), with a connect timeout of 5 s and a
 * per-call timeout (the call's own, else the plugin's {@code limits.timeout}).
 */
final class PluginHttpClient implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final PluginDescriptor plugin;
    private final Set<String> hosts;
    private final Duration defaultTimeout;
    private final NetworkUsage usage = new NetworkUsage();
    private final ExecutorService threads;
    private final HttpClient client;

    PluginHttpClient(PluginDescriptor plugin, Duration defaultTimeout, ThreadFactory threadFactory) {
        this.plugin = plugin;
        // host names are case-insensitive; otherwise the match is exact: no wildcards, no subdomains
        this.hosts = plugin.networkHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.defaultTimeout = defaultTimeout;
        // the client's own threads, so they can be shut down with the plugin (Java 17's HttpClient has no close())
        this.threads = Executors.newCachedThreadPool(threadFactory);
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(threads)
                .build();
    }

    /** Sends the call if the plugin may make it. */
    HttpResult send(HttpCall call) {
        URI uri = checked(call.uri());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(call.timeout().orElse(defaultTimeout))
                .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        try {
            call.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        } catch (IllegalArgumentException e) {
            usage.refused();
            throw new OutboundHttpException(OutboundHttpException.NETWORK_ERROR, "invalid header: " + e.getMessage(), e);
        }
        long sent = call.body().length;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            usage.called(sent, response.body().length);
            return new HttpResult(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException e) {
            usage.failed(sent);
            throw new OutboundHttpException(OutboundHttpException.TIMEOUT,
                    "could not connect to " + uri.getHost() + " within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            usage.failed(sent);
            throw new OutboundHttpException(OutboundHttpException.TIMEOUT,
                    call.method() + " " + uri + " took longer than " + call.timeout().orElse(defaultTimeout).toMillis() + " ms", e);
        } catch (IOException e) {
            usage.failed(sent);
            throw new OutboundHttpException(OutboundHttpException.NETWORK_ERROR,
                    call.method() + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            usage.failed(sent);
            throw new OutboundHttpException(OutboundHttpException.INTERRUPTED, call.method() + " " + uri + " was interrupted", e);
        }
    }

    /** The counters of this plugin's calls. */
    NetworkUsage.Snapshot usage() {
        return usage.snapshot();
    }

    /** Stops the client's threads; calls in flight fail. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI checked(URI uri) {
        if (!plugin.hasPermission(Permission.NETWORK)) {
            usage.refused();
            throw new OutboundHttpException(OutboundHttpException.NOT_PERMITTED,
                    "plugin '" + plugin.id() + "' does not hold the network permission");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            usage.refused();
            throw new OutboundHttpException(OutboundHttpException.SCHEME_NOT_ALLOWED,
                    "'" + uri + "' is not an http or https URI; allowed schemes: http, https");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal as written in network_hosts
        }
        if (!hosts.contains(host)) {
            usage.refused();
            throw new OutboundHttpException(OutboundHttpException.HOST_NOT_ALLOWED,
                    "plugin '" + plugin.id() + "' may not call host '" + (host.isEmpty() ? uri : host)
                            + "'; allowed hosts (network_hosts): " + List.copyOf(plugin.networkHosts()));
        }
        return uri;
    }
}
