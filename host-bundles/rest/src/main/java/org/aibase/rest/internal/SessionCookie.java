package org.aibase.rest.internal;

/**
 * The {@code Set-Cookie} values of the browser session. Written by hand because the attributes
 * matter: HttpOnly keeps scripts away from it, SameSite=Strict keeps other sites from sending it.
 */
public final class SessionCookie {

    public static final String NAME = "aibase_session";

    private SessionCookie() {
    }

    static String issue(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
