package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The Web Console's user name and password and the first admin API key, generated on first start
 * into an owner-only file.
 *
 * <p>The console credentials reach it as framework properties so it starts locked: the console's built-in
 * admin/admin would otherwise be live until a configuration arrived. A configuration in
 * {@code config/} still wins, as it overrides the console's framework-property defaults. The API
 * key is honoured only while no API key is configured (see the REST bundle).
 */
record ConsoleCredentials(String username, String password, String adminApiKey) {

    static final String USERNAME_KEY = "console.username";
    static final String PASSWORD_KEY = "console.password";
    static final String ADMIN_API_KEY = "admin.api.key";
    static final String DEFAULT_USERNAME = "admin";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Reads the file, or creates it with a new random password when it does not exist. */
    /**
     * The console password as the Felix Web Console accepts it hashed: {@code {sha-256}} and the
     * Base64 SHA-256 of the password. Unsalted is enough for a generated 24-character secret, and
     * what is shown wherever framework properties are shown is not the password.
     */
    String hashedPassword() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "{sha-256}" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static ConsoleCredentials loadOrCreate(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        boolean complete = present(properties, USERNAME_KEY) && present(properties, PASSWORD_KEY)
                && present(properties, ADMIN_API_KEY);
        // keep whatever the file holds; add what is missing
        properties.putIfAbsent(USERNAME_KEY, DEFAULT_USERNAME);
        if (!present(properties, PASSWORD_KEY)) {
            properties.setProperty(PASSWORD_KEY, randomSecret(18));
        }
        if (!present(properties, ADMIN_API_KEY)) {
            properties.setProperty(ADMIN_API_KEY, "aib_" + randomSecret(32));
        }
        if (!complete) {
            writeOwnerOnly(file, properties);
        }
        return new ConsoleCredentials(properties.getProperty(USERNAME_KEY), properties.getProperty(PASSWORD_KEY),
                properties.getProperty(ADMIN_API_KEY));
    }

    private static boolean present(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value != null && !value.isBlank();
    }

    private static String randomSecret(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes to a new owner-only file and moves it in place, so the secret is never readable by others. */
    private static void writeOwnerOnly(Path file, Properties properties) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try {
            Files.createFile(temp, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + temp + ": it appeared while writing", e);
        }
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, "AI Base credentials - keep this file private (owner read/write only)");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
