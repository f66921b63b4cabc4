package org.aibase.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.CallerRole;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Decides whether a request may proceed: who the caller is (bearer key or session cookie), whether
 * a cookie request carries its CSRF token, and whether the caller's role is enough for the
 * endpoint ({@link AccessPolicy}). Holds the keys in force and the browser sessions.
 *
 * <p>It starts accepting no key at all until {@link AuthSettings} hands it the configured ones,
 * so a protected endpoint is never open, not even during startup.
 */
@Component(service = Gatekeeper.class)
public final class Gatekeeper {

    /** The header a session-cookie request carries its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BEARER = "bearer ";

    private final Clock clock;
    private final ConsoleAccount console;
    private volatile ApiKeys keys = ApiKeys.NONE;
    private volatile BrowserSessions sessions;

    @Activate
    public Gatekeeper(BundleContext context) {
        this(Clock.systemUTC(), ConsoleAccount.of(context));
    }

    Gatekeeper(Clock clock) {
        this(clock, ConsoleAccount.NONE);
    }

    Gatekeeper(Clock clock, ConsoleAccount console) {
        this.clock = clock;
        this.console = console;
        this.sessions = new BrowserSessions(Duration.ofMinutes(AuthConfiguration.DEFAULT_IDLE_MINUTES), clock);
    }

    /** Puts new keys in force; every session ends, as it may have been opened with a revoked key. */
    void apply(ApiKeys newKeys, Duration sessionIdle) {
        BrowserSessions previous = sessions;
        sessions = new BrowserSessions(sessionIdle, clock);
        keys = newKeys;
        previous.clear();
    }

    /** Checks one request; the credentials may each be {@code null}. */
    public AccessDecision authorize(String method, String path, String authorization, String sessionId, String csrfToken) {
        String verb = method.toUpperCase(Locale.ROOT);
        Optional<CallerRole> required = AccessPolicy.required(verb, path);
        if (required.isEmpty()) {
            // public, but a caller who shows valid credentials is known (health shows them its details)
            return AccessDecision.allow(identified(authorization, sessionId).orElse(Caller.ANONYMOUS));
        }
        Caller caller;
        if (authorization != null) {
            Optional<Caller> keyCaller = keyCaller(authorization);
            if (keyCaller.isEmpty()) {
                return AccessDecision.deny(401, "unauthorized", "The API key is not valid");
            }
            caller = keyCaller.get();
        } else if (sessionId != null) {
            Optional<BrowserSession> session = sessions.find(sessionId);
            if (session.isEmpty()) {
                return AccessDecision.deny(401, "unauthorized", "The session has expired or was ended; sign in again");
            }
            if (STATE_CHANGING.contains(verb) && !BrowserSessions.csrfMatches(session.get(), csrfToken)) {
                return AccessDecision.deny(403, "csrf_required",
                        "A request made with the session cookie must send the session's X-CSRF-Token header");
            }
            caller = sessionCaller(session.get());
        } else {
            return AccessDecision.deny(401, "unauthorized",
                    "An API key is required: send the header Authorization: Bearer <key>");
        }
        if (!caller.role().orElseThrow().grants(required.get())) {
            return AccessDecision.deny(403, "forbidden", "This needs the " + required.get().id() + " role");
        }
        return AccessDecision.allow(caller);
    }

    private Optional<Caller> identified(String authorization, String sessionId) {
        if (authorization != null) {
            return keyCaller(authorization);
        }
        return Optional.ofNullable(sessionId).flatMap(sessions::find).map(Gatekeeper::sessionCaller);
    }

    private Optional<Caller> keyCaller(String authorization) {
        return bearerToken(authorization).flatMap(keys::holderOf)
                .map(holder -> new Caller(Optional.of(holder.role()), Optional.of("Bearer"), Optional.of(holder.requester())));
    }

    private static Caller sessionCaller(BrowserSession session) {
        return new Caller(Optional.of(session.role()), Optional.of("Session"), Optional.of(session.requester()));
    }

    /** The role a call needs; empty for a public one (what {@link #authorize} enforces). */
    public static Optional<CallerRole> requiredRole(String method, String path) {
        return AccessPolicy.required(method.toUpperCase(Locale.ROOT), path);
    }

    /** Opens a browser session for a valid key. */
    Optional<BrowserSession> signIn(String key) {
        return keys.holderOf(key).map(holder -> sessions.open(holder.role(), holder.requester()));
    }

    /** Opens an admin browser session for the Web Console's user and password. */
    Optional<BrowserSession> signIn(String user, String password) {
        return console.matches(user, password) ? Optional.of(sessions.open(CallerRole.ADMIN, Caller.consoleRequester(user)))
                : Optional.empty();
    }

    /** The live session with this cookie value, if any. */
    Optional<BrowserSession> session(String sessionId) {
        return sessions.find(sessionId);
    }

    /** Ends the session with this cookie value, if any. */
    void signOut(String sessionId) {
        sessions.close(sessionId);
    }

    Duration sessionIdle() {
        return sessions.idle();
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive). */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Deactivate
    void deactivate() {
        sessions.clear();
    }
}
