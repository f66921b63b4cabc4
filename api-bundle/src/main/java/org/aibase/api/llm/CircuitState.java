package org.aibase.api.llm;

/** The state of an endpoint's circuit breaker. */
public enum CircuitState {
    /** Calls flow normally. */
    CLOSED,
    /** Recent calls failed; calls are refused until the open period ends. */
    OPEN,
    /** One probe call is allowed to test whether the endpoint recovered. */
    HALF_OPEN
}
