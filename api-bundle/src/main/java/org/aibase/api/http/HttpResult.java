package org.aibase.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to an {@link HttpCall}.
 *
 * @param status the HTTP status code
 * @param headers header values by name (names compared case-insensitively)
 * @param body the response body
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

    /** Creates a result; headers and body are copied so the record stays immutable. */
    public HttpResult {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        (headers == null ? Map.<String, List<String>>of() : headers).forEach((name, values) ->
                copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }
}
