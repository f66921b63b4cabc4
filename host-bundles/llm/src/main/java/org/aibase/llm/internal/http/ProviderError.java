package org.aibase.llm.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;

/**
 * A provider's error answer reduced to what decides its kind: the HTTP status, the provider's message
 * and its error code or type (e.g. {@code insufficient_quota}, {@code content_filter}, {@code overloaded_error}).
 */
public record ProviderError(int status, String message, String code) {

    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "billing_error");
    private static final Set<String> FILTER_CODES = Set.of("content_filter");

    /** The exception for this error from the named endpoint; the wait the reply asked for is attached. */
    public LlmException toException(String endpointName, HttpReply reply, Clock clock) {
        Kind kind = kind();
        String text = endpointName + ": HTTP " + status + (message == null || message.isBlank() ? "" : " " + message);
        if (status == 404) {
            text = endpointName + ": model or path not found (HTTP 404)"
                    + (message == null || message.isBlank() ? "" : ": " + message);
        }
        Duration retryAfter = kind.retriable() ? RetryAfter.of(reply, clock).orElse(null) : null;
        return new LlmException(kind, text, retryAfter, null);
    }

    /** The kind: the provider's code where it is more precise than the status, else the status. */
    public Kind kind() {
        if (code != null && QUOTA_CODES.contains(code)) {
            return Kind.QUOTA_EXCEEDED;
        }
        if (code != null && FILTER_CODES.contains(code)) {
            return Kind.CONTENT_FILTERED;
        }
        if ("permission_error".equals(code)) {
            return Kind.PERMISSION_DENIED;
        }
        if ("overloaded_error".equals(code)) {
            return Kind.UNAVAILABLE;
        }
        return switch (status) {
            case 400, 404, 405, 409, 413, 415, 422 -> Kind.BAD_REQUEST;
            case 401 -> Kind.AUTHENTICATION;
            case 402 -> Kind.QUOTA_EXCEEDED;
            case 403 -> Kind.PERMISSION_DENIED;
            case 408 -> Kind.TIMEOUT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.BAD_REQUEST;
        };
    }

    /** Reads {@code error.message} and {@code error.code} (or {@code error.type}), accepting a plain-string {@code error}. */
    public static ProviderError parse(HttpReply reply) {
        var root = Json.tree(reply.body());
        if (root == null || !root.has("error")) {
            String snippet = reply.body().length() > 200 ? reply.body().substring(0, 200) + "..." : reply.body();
            return new ProviderError(reply.status(), snippet.strip(), null);
        }
        var error = root.get("error");
        if (error.isTextual()) {
            return new ProviderError(reply.status(), error.asText(), error.asText());
        }
        String message = error.path("message").asText(null);
        String code = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText(null);
        // a code that is only the status again ("429" at Azure's gateway) says less than the type
        if (code != null && code.equals(Integer.toString(reply.status()))) {
            code = error.path("type").asText(null);
        }
        return new ProviderError(reply.status(), message, code);
    }
}
