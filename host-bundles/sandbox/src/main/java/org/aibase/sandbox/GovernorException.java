package org.aibase.sandbox;

import java.util.Map;

/** Why the {@link Governor} refused or stopped a unit of work: each reason has the HTTP status a caller answers with. */
public final class GovernorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons, with their status and stable error code. */
    public enum Reason {
        /** Every {@code limits.concurrency} slot stayed taken while the work waited. */
        TOO_MANY_REQUESTS(429, "too_many_requests"),
        /** The work (or its wait for CPU) outlasted {@code limits.timeout}; it was interrupted. */
        TIMEOUT(503, "timeout"),
        /** The work allocated more than {@code limits.memory}; it was interrupted. */
        MEMORY_LIMIT(503, "memory_limit_exceeded"),
        /** The platform's work threads are all taken, or it is stopping. */
        BUSY(503, "busy");

        private final int status;
        private final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }

        /** The HTTP status a caller answers with. */
        public int status() {
            return status;
        }

        /** The stable error code. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient Map<String, Object> details;

    /** A refusal or stop for the given reason, with a message for people and details for programs. */
    public GovernorException(Reason reason, String message, Map<String, Object> details) {
        super(message);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The limit and the figure that broke it, e.g. {@code limit_bytes} and {@code allocated_bytes}. */
    public Map<String, Object> details() {
        return details;
    }
}
