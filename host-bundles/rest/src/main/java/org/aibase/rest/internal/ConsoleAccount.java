package org.aibase.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import org.osgi.framework.BundleContext;

/**
 * The Web Console's user and password, which also open an admin browser session: whoever may
 * administer the framework may administer the runtime. Read from the framework properties the
 * console itself reads; the password there is {@code {sha-256}} and the Base64 SHA-256 of the
 * password (the console's own hashed form), or plain text.
 */
record ConsoleAccount(Optional<String> username, Optional<String> password) {

    static final String USERNAME_PROPERTY = "felix.webconsole.username";
    static final String PASSWORD_PROPERTY = "felix.webconsole.password";
    private static final String SHA_256 = "{sha-256}";

    /** No console account: only API keys sign in. */
    static final ConsoleAccount NONE = new ConsoleAccount(Optional.empty(), Optional.empty());

    static ConsoleAccount of(BundleContext context) {
        return new ConsoleAccount(Optional.ofNullable(context.getProperty(USERNAME_PROPERTY)).filter(s -> !s.isBlank()),
                Optional.ofNullable(context.getProperty(PASSWORD_PROPERTY)).filter(s -> !s.isBlank()));
    }

    /** Whether the user and password are the console's; both compared in constant time. */
    boolean matches(String user, String secret) {
        if (username.isEmpty() || password.isEmpty() || user == null || secret == null) {
            return false;
        }
        boolean userMatches = equal(username.get(), user);
        String stored = password.get();
        boolean passwordMatches = stored.regionMatches(true, 0, SHA_256, 0, SHA_256.length())
                ? equal(stored.substring(SHA_256.length()), Base64.getEncoder().encodeToString(sha256(secret)))
                : equal(stored, secret);
        return userMatches & passwordMatches;
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
