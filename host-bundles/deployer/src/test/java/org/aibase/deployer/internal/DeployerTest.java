package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The deployer component watching a real folder for a real framework. */
class DeployerTest {

    @TempDir
    Path home;

    private Path deploy;
    private TestFramework framework;
    private BundleContext context;
    private Deployer deployer;

    @BeforeEach
    void start() throws Exception {
        deploy = home.resolve("deploy");
        framework = new TestFramework(home.resolve("cache"), Map.of("aibase.home", home.toString()));
        context = framework.context();
    }

    @AfterEach
    void stop() throws Exception {
        if (deployer != null) {
            deployer.deactivate();
        }
        framework.close();
    }

    @Test
    void deploysACopiedJarAndRemovesItWhenDeleted() throws Exception {
        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        assertTrue(Files.isDirectory(deploy), "the deploy folder is created");
        Path staged = TestPlugins.write(home.resolve("hello.jar"), "hello", "1.0.0");

        Path file = Files.copy(staged, deploy.resolve("hello.jar"));
        await(() -> active(file));

        Files.delete(file);
        await(() -> bundle(file) == null);
    }

    @Test
    void ignoresHiddenFilesAndDeploysOnRename() throws Exception {
        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        Path hidden = Files.copy(TestPlugins.write(home.resolve("a.jar"), "hello", "1.0.0"), deploy.resolve(".hello.jar"));

        Path file = Files.move(hidden, deploy.resolve("hello.jar"), StandardCopyOption.ATOMIC_MOVE);

        await(() -> active(file));
        assertNull(bundle(hidden));
    }

    @Test
    void waitsForASlowlyWrittenJar() throws Exception {
        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        byte[] whole = Files.readAllBytes(TestPlugins.write(home.resolve("hello.jar"), "hello", "1.0.0"));
        Path file = deploy.resolve("hello.jar");

        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Arrays.copyOf(whole, whole.length / 2));
            out.flush();
            Thread.sleep(400);
            assertNull(bundle(file), "nothing is installed from a half-written file");
            out.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }

        await(() -> active(file));
    }

    @Test
    void reconcilesTheFolderAtActivation() throws Exception {
        Path file = TestPlugins.write(Files.createDirectories(deploy).resolve("hello.jar"), "hello", "1.0.0");

        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        assertNotNull(bundle(file), "installed during activation, before the plugin start level matters");
        long id = bundle(file).getBundleId();
        deployer.deactivate();
        assertFalse(watcherThreadAlive(), "the watcher's thread ends with the component");

        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        assertEquals(id, bundle(file).getBundleId(), "an unchanged file is left alone");
        deployer.deactivate();

        Files.delete(file);
        deployer = new Deployer(context, TestConfigurations.deployer(Map.of()), new TrustedPlugins(TestConfigurations.grants(Map.of())), plugin -> Optional.empty());
        assertNull(bundle(file), "a bundle whose file is gone is uninstalled");
    }

    private Bundle bundle(Path file) {
        return context.getBundle(file.toUri().toString());
    }

    private boolean active(Path file) {
        Bundle bundle = bundle(file);
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    private static boolean watcherThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("aibase-deployer") && t.isAlive());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(20);
        }
    }
}
