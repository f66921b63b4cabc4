package org.aibase.llm.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;

/**
 * A provider's error answer reduced to what decides its kind: the HTTP status, the provider's message
 * and its error code or type (e.g. {@code insufficient_quota}, {@code content_filter}, {@code overloaded_error}).
 */
public record ProviderError(int status, String message, String code) {

    /** A bearer token, in a header echoed back or in prose. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+");
    /** A value after a key-like name: {@code "api_key": "..."}, {@code x-api-key: ...}, {@code token=...}. */
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?:api[-_ ]?key|x-api-key|authorization|access[-_ ]?token|token|secret|password)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "(?!\\[redacted\\]|bearer\\b)[^\\s\"',;}]+");
    /** Key-shaped words: provider prefixes ({@code sk-}, {@code sk-ant-}, our own {@code aib_}) or 32+ opaque characters. */
    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(?:(?:sk|pk|rk|aib)[-_][A-Za-z0-9_-]{8,}|[A-Za-z0-9_-]{32,})\\b");

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

    /**
     * Reads {@code error.message} and {@code error.code} (or {@code error.type}), accepting a plain-string
     * {@code error}. The message is scrubbed of anything key-shaped: it travels on into job results,
     * the database and the answers users read, and a provider (or a proxy in front of it) that echoes
     * the request's Authorization header must not hand the key to them.
     */
    public static ProviderError parse(HttpReply reply) {
        ProviderError read = read(reply);
        return new ProviderError(read.status(), scrub(read.message()), read.code());
    }

    /** The text with bearer tokens, named secrets and key-shaped words replaced by {@code [redacted]}. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = BEARER.matcher(text).replaceAll("$1 [redacted]");
        scrubbed = NAMED_SECRET.matcher(scrubbed).replaceAll("$1[redacted]");
        return KEY_SHAPED.matcher(scrubbed).replaceAll("[redacted]");
    }

    private static ProviderError read(HttpReply reply) {
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
