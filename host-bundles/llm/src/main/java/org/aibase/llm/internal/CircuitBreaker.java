package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.aibase.api.llm.CircuitState;

/**
 * One endpoint's circuit: after N consecutive failures it opens and refuses calls for a while, so a dead
 * endpoint costs callers nothing; then it lets one probe through (half-open) and closes if it succeeds.
 */
final class CircuitBreaker {

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probeInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open only the single probe may. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    return false;
                }
                state = CircuitState.HALF_OPEN;
                probeInFlight = true;
                return true;
            default:
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
        }
    }

    /** The endpoint answered (even with a client error): it is alive. */
    synchronized void onSuccess() {
        state = CircuitState.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    /** The endpoint failed to answer (timeout, unavailable). */
    synchronized void onFailure() {
        probeInFlight = false;
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = CircuitState.OPEN;
            openedAt = clock.instant();
        }
    }

    /** The state now: an open circuit whose period has passed reports half-open. */
    synchronized CircuitState state() {
        if (state == CircuitState.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            return CircuitState.HALF_OPEN;
        }
        return state;
    }

    /** When an open circuit lets the next probe through. */
    synchronized Instant reopensAt() {
        return openedAt == null ? clock.instant() : openedAt.plus(openFor);
    }
}
