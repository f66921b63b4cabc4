package org.aibase.rest.internal;

/**
 * The outcome of checking one request: let it through (with the caller, anonymous for a public
 * endpoint called without credentials) or refuse it with a status and a stable code.
 */
public record AccessDecision(boolean allowed, Caller caller, int status, String code, String message) {

    static AccessDecision allow(Caller caller) {
        return new AccessDecision(true, caller, 200, "", "");
    }

    static AccessDecision deny(int status, String code, String message) {
        return new AccessDecision(false, Caller.ANONYMOUS, status, code, message);
    }
}
