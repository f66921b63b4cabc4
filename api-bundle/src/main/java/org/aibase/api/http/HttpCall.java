package org.aibase.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An outbound HTTP call made through {@link OutboundHttp}.
 *
 * @param method the HTTP method, e.g. {@code GET} (upper-cased)
 * @param uri the absolute {@code http} or {@code https} URI
 * @param headers header values by name (names compared case-insensitively)
 * @param body the request body, empty for none
 * @param timeout how long the whole call may take; empty for the plugin's {@code limits.timeout}
 */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body,
        Optional<Duration> timeout) {

    /** Creates a call; headers and body are copied so the record stays immutable. */
    public HttpCall {
        method = Objects.requireNonNull(method, "method").strip().toUpperCase(Locale.ROOT);
        Objects.requireNonNull(uri, "uri");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        (headers == null ? Map.<String, List<String>>of() : headers).forEach((name, values) ->
                copy.put(Objects.requireNonNull(name, "header name"), List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
        timeout = timeout == null ? Optional.empty() : timeout;
    }

    /** A {@code GET} of the URI with no headers. */
    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, Optional.empty());
    }

    /** A {@code POST} of the body with the given content type. */
    public static HttpCall post(URI uri, String contentType, byte[] body) {
        return new HttpCall("POST", uri, Map.of("Content-Type", List.of(contentType)), body, Optional.empty());
    }

    /** This call with one more header value. */
    public HttpCall withHeader(String name, String value) {
        Map<String, List<String>> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
        values.add(value);
        more.put(name, values);
        return new HttpCall(method, uri, more, body, timeout);
    }

    /** This call with the given timeout for the whole call. */
    public HttpCall withTimeout(Duration callTimeout) {
        return new HttpCall(method, uri, headers, body, Optional.of(callTimeout));
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
