package org.aibase.persistence.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform database's configuration, checked: every problem names the key that is wrong and
 * what is allowed.
 *
 * @param type {@code derby}, {@code derby-network} or {@code postgresql}
 * @param derbyFolder embedded Derby's database folder (absolute)
 * @param url the JDBC URL of a network database, empty for embedded Derby
 * @param user the database user, may be empty
 * @param password the password, may be empty (never logged)
 * @param poolSize the most connections the pool holds
 * @param connectionWait how long a caller waits for a free connection
 * @param queryTimeout how long a query may run, zero for no limit
 * @param usageInterval the time between storage measurements
 */
record DatabaseSettings(String type, Path derbyFolder, String url, String user, String password, int poolSize,
        Duration connectionWait, Duration queryTimeout, Duration usageInterval) {

    static final String DERBY = "derby";
    static final String DERBY_NETWORK = "derby-network";
    static final String POSTGRESQL = "postgresql";

    /** {@code jdbc:derby://host[:port]/database[;attributes]}. */
    private static final Pattern DERBY_URL = Pattern.compile("jdbc:derby://([^:/;]+)(?::(\\d+))?/([^;]+)(;.*)?");

    /**
     * Reads and checks a configuration.
     *
     * @param home {@code aibase.home}, against which a relative Derby folder is resolved
     * @throws IllegalArgumentException naming the key that is wrong and what is allowed
     */
    static DatabaseSettings from(PersistenceConfiguration config, Path home) {
        String type = config.type().strip().toLowerCase(Locale.ROOT);
        if (!type.equals(DERBY) && !type.equals(DERBY_NETWORK) && !type.equals(POSTGRESQL)) {
            throw new IllegalArgumentException("type: '" + config.type() + "' is not a database type "
                    + "(allowed: derby, derby-network, postgresql)");
        }
        String url = config.url().strip();
        if (type.equals(DERBY_NETWORK) && !DERBY_URL.matcher(url).matches()) {
            throw new IllegalArgumentException("url: '" + url + "' is not a Derby network URL "
                    + "(allowed: jdbc:derby://HOST[:PORT]/DATABASE[;ATTRIBUTES], e.g. jdbc:derby://localhost:1527/aibase;create=true)");
        }
        if (type.equals(POSTGRESQL) && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url: '" + url + "' is not a PostgreSQL URL "
                    + "(allowed: jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMETERS], e.g. jdbc:postgresql://localhost:5432/aibase)");
        }
        String folder = config.derby_folder().strip();
        Path derbyFolder = (folder.isEmpty() ? home.resolve("data").resolve("db") : home.resolve(folder))
                .toAbsolutePath().normalize();
        return new DatabaseSettings(type, derbyFolder, type.equals(DERBY) ? "" : url, config.user().strip(),
                config.password(), within("pool.size", config.pool_size(), 1, 500),
                Duration.ofSeconds(within("pool.timeout.seconds", config.pool_timeout_seconds(), 1, 3600)),
                Duration.ofSeconds(within("query.timeout.seconds", config.query_timeout_seconds(), 0, 86_400)),
                Duration.ofSeconds(within("usage.interval.seconds", config.usage_interval_seconds(), 1, 86_400)));
    }

    /** The dialect the database speaks. */
    Dialect dialect() {
        return type.equals(POSTGRESQL) ? Dialect.POSTGRESQL : Dialect.DERBY;
    }

    /** Whether the database runs inside this JVM. */
    boolean embedded() {
        return type.equals(DERBY);
    }

    /** A Derby network URL's parts: host, port (1527 when absent), database with its attributes. */
    DerbyServer derbyServer() {
        Matcher m = DERBY_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a Derby network URL");
        }
        return new DerbyServer(m.group(1), m.group(2) == null ? 1527 : Integer.parseInt(m.group(2)), m.group(3),
                Optional.ofNullable(m.group(4)).map(a -> a.substring(1)).orElse(""));
    }

    /** Where the database is, for logs and errors (no credentials). */
    String where() {
        return embedded() ? "embedded Derby at " + derbyFolder : type + " at " + url.replaceAll("password=[^&;]*", "password=***");
    }

    /** A Derby network server's address. */
    record DerbyServer(String host, int port, String database, String attributes) {
    }

    private static int within(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is out of range (allowed: " + min + " to " + max + ")");
        }
        return value;
    }
}
