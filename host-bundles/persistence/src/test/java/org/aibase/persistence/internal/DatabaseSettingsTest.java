package org.aibase.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static final Path HOME = Path.of("/opt/aibase");

    @Test
    void withoutConfigurationItIsEmbeddedDerbyUnderDataDb() {
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of()), HOME);
        assertTrue(settings.embedded());
        assertEquals(Dialect.DERBY, settings.dialect());
        assertEquals(Path.of("/opt/aibase/data/db"), settings.derbyFolder());
        assertEquals(10, settings.poolSize());
        assertEquals(Duration.ofSeconds(30), settings.queryTimeout());
    }

    @Test
    void aRelativeDerbyFolderIsUnderTheHome() {
        assertEquals(Path.of("/opt/aibase/state/derby"),
                DatabaseSettings.from(config(Map.of("derby_folder", "state/derby")), HOME).derbyFolder());
    }

    @Test
    void postgresqlSpeaksItsDialectAndHidesThePasswordInItsDescription() {
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of("type", "PostgreSQL",
                "url", "jdbc:postgresql://db:5432/aibase?user=a&password=secret")), HOME);
        assertEquals(Dialect.POSTGRESQL, settings.dialect());
        assertEquals(63, settings.dialect().maxIdentifierBytes());
        assertTrue(!settings.where().contains("secret"), settings.where());
    }

    @Test
    void aDerbyNetworkUrlIsTakenApart() {
        DatabaseSettings settings = DatabaseSettings.from(config(Map.of("type", "derby-network",
                "url", "jdbc:derby://db.example.org/aibase;create=true")), HOME);
        assertEquals(new DatabaseSettings.DerbyServer("db.example.org", 1527, "aibase", "create=true"),
                settings.derbyServer());
    }

    @Test
    void aWrongValueNamesItsKeyAndWhatIsAllowed() {
        assertMessage("type: 'mysql' is not a database type (allowed: derby, derby-network, postgresql)",
                Map.of("type", "mysql"));
        assertMessage("url: 'jdbc:mysql://x/y' is not a PostgreSQL URL", Map.of("type", "postgresql", "url", "jdbc:mysql://x/y"));
        assertMessage("url: '' is not a Derby network URL", Map.of("type", "derby-network"));
        assertMessage("pool.size: 0 is out of range (allowed: 1 to 500)", Map.of("pool_size", 0));
        assertMessage("query.timeout.seconds: -1 is out of range", Map.of("query_timeout_seconds", -1));
    }

    private static void assertMessage(String start, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(config(values), HOME));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    /** A configuration with these values, the annotation's defaults for the others. */
    static PersistenceConfiguration config(Map<String, Object> values) {
        return (PersistenceConfiguration) Proxy.newProxyInstance(PersistenceConfiguration.class.getClassLoader(),
                new Class<?>[] {PersistenceConfiguration.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
