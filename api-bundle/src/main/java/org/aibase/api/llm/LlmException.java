package org.aibase.api.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Why a chat call failed; {@link #retriable()} tells whether trying again later may help. */
public class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Kind {
        /** The provider throttled the call; retriable, often with a Retry-After. */
        RATE_LIMITED,
        /** No answer within the timeout; retriable. */
        TIMEOUT,
        /** The provider is down, overloaded, unreachable or not configured; retriable. */
        UNAVAILABLE,
        /** The credentials were refused. */
        AUTHENTICATION,
        /** The request was invalid (including an unknown model). */
        BAD_REQUEST,
        /** The provider's content policy blocked the prompt or the answer. */
        CONTENT_FILTERED,
        /** The provider answered something that could not be understood (or JSON that does not parse). */
        INVALID_RESPONSE,
        /** The account's quota or budget is used up; retrying does not help. */
        QUOTA_EXCEEDED,
        /** The credentials are valid but not allowed to do this. */
        PERMISSION_DENIED;

        /** Whether a later attempt may succeed. */
        public boolean retriable() {
            return this == RATE_LIMITED || this == TIMEOUT || this == UNAVAILABLE;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    /** A failure of the given kind. */
    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    /** A failure of the given kind with its cause. */
    public LlmException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    /** A failure of the given kind with the wait the provider asked for (may be null) and its cause (may be null). */
    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** Whether a later attempt may succeed. */
    public boolean retriable() {
        return kind.retriable();
    }

    /** How long the provider asked callers to wait before trying again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
