package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeployLocationsTest {

    private final Path folder = Path.of("/opt/aibase/deploy");
    private final DeployLocations locations = new DeployLocations(folder);

    @Test
    void aFileAndItsLocationMapBothWays() {
        Path file = folder.resolve("hello.jar");

        assertEquals(Optional.of(file), locations.fileOf(DeployLocations.of(file)));
        assertEquals("hello.jar", DeployLocations.displayName(DeployLocations.of(file)));
    }

    @Test
    void otherLocationsAreNotDeployFolderFiles() {
        assertTrue(locations.fileOf("file:/opt/aibase/bundles/org.aibase.api.jar").isEmpty());
        assertTrue(locations.fileOf("file:/opt/aibase/deploy/sub/hello.jar").isEmpty());
        assertTrue(locations.fileOf("mvn:org.aibase/aibase-api/1.0.0").isEmpty());
        assertEquals("mvn:org.aibase/aibase-api/1.0.0", DeployLocations.displayName("mvn:org.aibase/aibase-api/1.0.0"));
    }

    @Test
    void onlyJarsThatAreNotHiddenOrTemporaryAreDeployed() {
        assertTrue(DeployFolderWatcher.isDeployable("hello.jar"));
        assertTrue(DeployFolderWatcher.isDeployable("HELLO.JAR"));
        assertFalse(DeployFolderWatcher.isDeployable(".hello.jar"));
        assertFalse(DeployFolderWatcher.isDeployable("hello.jar.part"));
        assertFalse(DeployFolderWatcher.isDeployable("hello.jar~"));
        assertFalse(DeployFolderWatcher.isDeployable("#hello.jar#"));
        assertFalse(DeployFolderWatcher.isDeployable("hello.cfg"));
    }
}
