package org.aibase.rest.internal;

import org.aibase.api.plugin.CallerRole;


/**
 * A signed-in browser: the cookie value, the role of the key it signed in with, the requester id of
 * that key or console user ({@link Caller#requester()}) and the CSRF token its state-changing
 * requests must echo in {@code X-CSRF-Token}.
 */
record BrowserSession(String id, CallerRole role, String requester, String csrfToken) {
}
