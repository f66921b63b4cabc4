package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeployerSettingsTest {

    @Test
    void defaultsToDeployUnderTheWorkingDirectoryAndLevelThree() {
        DeployerSettings settings = DeployerSettings.from(key -> null);

        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        assertEquals(cwd, settings.home());
        assertEquals(cwd.resolve("deploy"), settings.deployDir());
        assertEquals(4, settings.pluginStartLevel());
    }

    @Test
    void readsFrameworkProperties() {
        Map<String, String> props = Map.of("aibase.home", "/opt/aibase", "aibase.deploy.dir", "drop",
                "aibase.startlevel.plugins", "5");

        DeployerSettings settings = DeployerSettings.from(props::get);

        assertEquals(Path.of("/opt/aibase/drop"), settings.deployDir());
        assertEquals(5, settings.pluginStartLevel());
    }

    @Test
    void namesTheKeyOfABadStartLevel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeployerSettings.from(Map.of("aibase.startlevel.plugins", "three")::get));

        assertTrue(e.getMessage().startsWith("aibase.startlevel.plugins"), e.getMessage());
    }
}
