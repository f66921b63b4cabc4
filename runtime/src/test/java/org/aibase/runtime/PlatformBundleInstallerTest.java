package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/** A rebuilt runtime never runs stale platform code from the framework cache. */
class PlatformBundleInstallerTest {

    @TempDir
    Path home;

    @Test
    void installsThenUpdatesChangedAndRemovesDroppedBundlesAcrossRestarts() throws Exception {
        List<PlatformBundle> firstBuild = List.of(bundle("aibase-a.jar", "org.aibase.a", "1.0.0"),
                bundle("lib-b.jar", "lib.b", "1.0.0"));
        assertEquals(new PlatformBundleInstaller.Summary(2, 2, 0, 0), startWith(firstBuild));
        assertEquals(new PlatformBundleInstaller.Summary(2, 0, 0, 0), startWith(firstBuild), "warm start, nothing changed");

        List<PlatformBundle> secondBuild = List.of(bundle("aibase-a.jar", "org.aibase.a", "1.0.1"));
        assertEquals(new PlatformBundleInstaller.Summary(1, 0, 1, 1), startWith(secondBuild));
        Map<String, String> versions = installedVersions();
        assertEquals(Map.of("org.aibase.a", "1.0.1"), versions);
    }

    private PlatformBundleInstaller.Summary startWith(List<PlatformBundle> bundles) throws Exception {
        Framework framework = newFramework();
        try {
            framework.init();
            PlatformBundleInstaller.Summary summary = new PlatformBundleInstaller(framework.getBundleContext(),
                    home.resolve("fingerprints.properties")).synchronize(bundles);
            framework.start();
            assertTrue(Arrays.stream(framework.getBundleContext().getBundles())
                    .allMatch(b -> b.getState() == Bundle.ACTIVE || b.getState() == Bundle.RESOLVED
                            || b.getState() == Bundle.INSTALLED));
            return summary;
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private Map<String, String> installedVersions() throws Exception {
        Framework framework = newFramework();
        try {
            framework.init();
            return Arrays.stream(framework.getBundleContext().getBundles())
                    .filter(b -> b.getBundleId() != 0)
                    .collect(java.util.stream.Collectors.toMap(Bundle::getSymbolicName, b -> b.getVersion().toString()));
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private Framework newFramework() {
        return new FrameworkFactory().newFramework(Map.of(
                "org.osgi.framework.storage", home.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "none"));
    }

    private static PlatformBundle bundle(String fileName, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        byte[] content = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(content);
        return new PlatformBundle(fileName, Long.toHexString(crc.getValue()) + "-" + content.length,
                () -> new ByteArrayInputStream(content));
    }
}
