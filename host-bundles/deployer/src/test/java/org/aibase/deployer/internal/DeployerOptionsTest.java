package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.aibase.validator.PlatformLimits;
import org.junit.jupiter.api.Test;

class DeployerOptionsTest {

    @Test
    void theDefaultsAreThePlatformsDefaultMaxima() {
        DeployerOptions options = DeployerOptions.from(TestConfigurations.deployer(Map.of()));

        assertEquals(PlatformLimits.DEFAULTS, options.limits());
        assertEquals(false, options.allowLibraries());
        assertEquals(5L * 1024 * 1024, options.logMaxBytes());
        assertEquals(3, options.logFiles());
    }

    @Test
    void readsTheOperatorsValues() {
        DeployerOptions options = DeployerOptions.from(TestConfigurations.deployer(Map.of("max.memory", "512MB",
                "max.job.timeout", "2h", "trusted.plugins", new String[] {"analytics", " "}, "allow.libraries", true)));

        assertEquals(512L << 20, options.limits().memoryBytes());
        assertEquals(Duration.ofHours(2), options.limits().jobTimeout());
        assertEquals(true, options.allowLibraries());
    }

    @Test
    void aWrongValueFailsNamingTheKey() {
        assertMessage("max.memory", Map.of("max.memory", "lots"));
        assertMessage("max.timeout", Map.of("max.timeout", "0s"));
        assertMessage("max.cpu", Map.of("max.cpu", -1.0));
        assertMessage("log.files", Map.of("log.files", 0));
    }

    @Test
    void trustedPluginsAreTheSandboxsGrantsChecked() {
        assertEquals(Set.of("analytics"), TrustedPlugins.parse(new String[] {"analytics", " "}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedPlugins.parse(new String[] {"Bad-Id"}));
        assertTrue(e.getMessage().startsWith("org.aibase.sandbox: trusted.plugins"), e.getMessage());
    }

    private static void assertMessage(String key, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeployerOptions.from(TestConfigurations.deployer(values)));
        assertTrue(e.getMessage().startsWith("org.aibase.deployer: " + key + " "), e.getMessage());
    }
}
