package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.RegistryException;
import org.aibase.sandbox.Quarantine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;

/** The registry of a deployer component watching a real folder for a real framework. */
class PluginRegistryTest {

    @TempDir
    Path home;

    private Path deploy;
    private TestFramework framework;
    private Deployer registry;

    @BeforeEach
    void start() throws Exception {
        deploy = Files.createDirectories(home.resolve("deploy"));
        framework = newFramework();
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.deactivate();
        }
        framework.close();
    }

    @Test
    void aDeployedPluginIsActiveWithItsEndpointAndCanBeStoppedAndStarted() throws Exception {
        registry = newDeployer(Map.of());
        Files.copy(TestPlugins.write(home.resolve("hello.jar"), "hello", "1.0.0"), deploy.resolve("hello.jar"));

        PluginRecord active = await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));
        assertEquals("hello.jar", active.file());
        assertEquals(List.of("/api/v1/hello"), active.endpoints());
        assertTrue(active.report().orElseThrow().valid());

        PluginRecord stopped = registry.stop("hello");
        assertEquals(PluginState.STOPPED, stopped.state());
        assertEquals(List.of(), stopped.endpoints());

        assertEquals(PluginState.ACTIVE, registry.start("hello").state());
        assertEquals(List.of("started", "stopped", "installed"), types(3));
    }

    @Test
    void aStoppedPluginStaysStoppedAcrossARestart() throws Exception {
        TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        registry = newDeployer(Map.of());
        await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));
        registry.stop("hello");
        registry.deactivate();
        registry = null;
        framework.close();

        framework = newFramework();
        registry = newDeployer(Map.of());

        assertEquals(PluginState.STOPPED, registry.plugin("hello").orElseThrow().state());
        Thread.sleep(300);
        assertEquals(PluginState.STOPPED, registry.plugin("hello").orElseThrow().state(), "nothing starts it");
        assertEquals(PluginState.ACTIVE, registry.start("hello").state());
    }

    @Test
    void aQuarantineKeepsItsReasonAndLiftTimeAcrossARestartAndItsLiftStartsThePlugin() throws Exception {
        TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        registry = newDeployer(Map.of());
        await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));
        Instant since = Instant.parse("2025-01-01T10:00:00Z");
        Quarantine quarantine = new Quarantine("hello", "task 'spin' ignored its interrupt", since,
                Optional.of(since.plus(Duration.ofMinutes(15))));

        registry.quarantine(quarantine);

        PluginRecord quarantined = registry.plugin("hello").orElseThrow();
        assertEquals(PluginState.QUARANTINED, quarantined.state());
        assertEquals("task 'spin' ignored its interrupt", quarantined.reason().orElseThrow());
        assertEquals(Optional.of(quarantine), quarantined.quarantine());
        assertEquals(List.of("quarantined"), types(1));
        registry.deactivate();
        registry = null;
        framework.close();

        framework = newFramework();
        registry = newDeployer(Map.of());

        PluginRecord after = registry.plugin("hello").orElseThrow();
        assertEquals(PluginState.QUARANTINED, after.state(), "not started by the restart");
        assertEquals(List.of(quarantine), registry.quarantines(), "the policy finds it again, with its lift time");
        registry.lift(new Quarantine("hello", "an older one", since.minusSeconds(60), Optional.of(since)));
        assertEquals(PluginState.QUARANTINED, registry.plugin("hello").orElseThrow().state(), "only the one in force lifts");

        registry.lift(quarantine);

        await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));
        assertEquals(List.of(), registry.quarantines());
        assertEquals(Optional.empty(), registry.plugin("hello").orElseThrow().quarantine());
        assertEquals(List.of("lifted"), types(1));
    }

    @Test
    void anOperatorsPinnedQuarantineLastsUntilAnOperatorStartsThePlugin() throws Exception {
        TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        registry = newDeployer(Map.of());
        await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));

        PluginRecord pinned = registry.quarantine("hello", Optional.of("audit"), true);

        assertEquals(PluginState.QUARANTINED, pinned.state());
        assertEquals("audit", pinned.reason().orElseThrow());
        assertTrue(pinned.quarantine().orElseThrow().pinned());
        assertEquals(RegistryException.Kind.NOT_FOUND,
                assertThrows(RegistryException.class, () -> registry.quarantine("nobody", Optional.empty(), true)).kind());
        registry.quarantines = null;
        RegistryException withoutPolicy = assertThrows(RegistryException.class,
                () -> registry.quarantine("hello", Optional.empty(), false));
        assertEquals(RegistryException.Kind.UNAVAILABLE, withoutPolicy.kind());
        assertTrue(withoutPolicy.getMessage().contains("quarantine policy is not running"), withoutPolicy.getMessage());
        assertEquals(PluginState.ACTIVE, registry.start("hello").state(), "an operator may start it again");
        assertEquals(List.of(), registry.quarantines());
    }

    @Test
    void aPluginAnOperatorStoppedStaysStoppedWhenItsLeftoverWorkWouldQuarantineIt() throws Exception {
        TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        registry = newDeployer(Map.of());
        await(() -> registry.plugin("hello").filter(r -> r.state() == PluginState.ACTIVE));
        registry.stop("hello");

        registry.quarantine(new Quarantine("hello", "job 7 would not stop", Instant.now(), Optional.of(Instant.now())));

        assertEquals(PluginState.STOPPED, registry.plugin("hello").orElseThrow().state());
        assertEquals(List.of(), registry.quarantines(), "nothing to lift: the operator's stop stands");
    }

    @Test
    void aPluginThatCannotResolveIsFailedWithTheMissingPackage() throws Exception {
        registry = newDeployer(Map.of());
        TestPlugins.write(deploy.resolve("needy.jar"), "needy", "1.0.0", "permissions: [http]\n", "org.aibase.api.missing");

        PluginRecord failed = await(() -> registry.plugin("needy").filter(r -> r.state() == PluginState.FAILED));
        assertTrue(failed.reason().orElseThrow().contains("org.aibase.api.missing"), failed.reason().orElseThrow());
        RegistryException e = assertThrows(RegistryException.class, () -> registry.start("needy"));
        assertEquals(RegistryException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("org.aibase.api.missing"), e.getMessage());
    }

    @Test
    void thirtyBadJarsAtOnceAreRejectedWhileAGoodPluginStaysActive() throws Exception {
        registry = newDeployer(Map.of());
        TestPlugins.write(deploy.resolve("good.jar"), "good", "1.0.0");
        await(() -> registry.plugin("good").filter(r -> r.state() == PluginState.ACTIVE));
        Path staging = Files.createDirectories(home.resolve("staging"));
        for (int i = 0; i < 30; i++) {
            Path bad = i % 3 == 0 ? Files.write(staging.resolve("bad" + i + ".jar"), new byte[] {1, 2, 3})
                    : i % 3 == 1 ? TestPlugins.write(staging.resolve("bad" + i + ".jar"), "bad" + i, "1.0.0", "permissions: [htp]\n", null)
                    : TestPlugins.write(staging.resolve("bad" + i + ".jar"), "good", "2.0.0"); // a second copy of an installed id
            Files.move(bad, deploy.resolve(bad.getFileName()));
        }

        await(() -> Optional.of(registry.plugins()).filter(all -> all.stream()
                .filter(r -> r.state() == PluginState.REJECTED).count() == 30));
        List<PluginRecord> all = registry.plugins();
        assertEquals(31, all.size());
        assertEquals(PluginState.ACTIVE, registry.plugin("good").orElseThrow().state());
        assertTrue(all.stream().filter(r -> r.state() == PluginState.REJECTED)
                .allMatch(r -> r.reason().isPresent() && r.bundleId().isEmpty()));
        PluginRecord invalid = all.stream().filter(r -> r.file().equals("bad1.jar")).findFirst().orElseThrow();
        assertFalse(invalid.report().orElseThrow().valid());
        assertTrue(Files.exists(deploy.resolve("bad1.jar")), "a rejected JAR stays where it is");
        assertEquals(31, registry.deployments(0, 100).total());
    }

    @Test
    void aPlainLibraryIsRefusedUnlessAllowed() throws Exception {
        registry = newDeployer(Map.of());
        library(deploy.resolve("lib.jar"));

        PluginRecord rejected = await(() -> registry.plugins().stream().filter(r -> r.file().equals("lib.jar"))
                .filter(r -> r.state() == PluginState.REJECTED).findFirst());
        assertTrue(rejected.reason().orElseThrow().contains("not a plugin"), rejected.reason().orElseThrow());
        assertTrue(registry.validate(deploy.resolve("lib.jar")).findings().size() > 0);

        registry.modified(TestConfigurations.deployer(Map.of("allow.libraries", true)));
        assertEquals(true, new PluginValidation(framework.context(), new DeployLocations(deploy),
                new PluginBundles(),
                DeployerOptions.from(TestConfigurations.deployer(Map.of("allow.libraries", true))), Set::of)
                .context("lib.jar").allowLibraries(), "the operator's setting reaches the validation context");
    }

    @Test
    void installsThroughTheRegistryAndRefusesInvalidAndConflictingJars() throws Exception {
        registry = newDeployer(Map.of());
        Path staged = TestPlugins.write(home.resolve("upload-1.tmp"), "hello", "1.0.0");

        PluginRecord installed = registry.install("hello.jar", staged);
        assertEquals(PluginState.ACTIVE, installed.state());
        assertFalse(Files.exists(staged), "moved, not copied");
        assertTrue(Files.exists(deploy.resolve("hello.jar")));

        Path copy = TestPlugins.write(home.resolve("upload-2.tmp"), "hello", "1.0.1");
        RegistryException conflict = assertThrows(RegistryException.class, () -> registry.install("other.jar", copy));
        assertEquals(RegistryException.Kind.CONFLICT, conflict.kind());
        assertTrue(conflict.getMessage().contains("hello.jar") && conflict.getMessage().contains("other.jar"),
                conflict.getMessage());
        assertTrue(Files.exists(copy), "left alone when refused");

        // the reverse: another plugin's JAR under hello's file name would take over hello's bundle and marks
        Path stranger = TestPlugins.write(home.resolve("upload-3.tmp"), "stranger", "1.0.0");
        RegistryException takeover = assertThrows(RegistryException.class, () -> registry.install("hello.jar", stranger));
        assertEquals(RegistryException.Kind.CONFLICT, takeover.kind());
        assertTrue(takeover.getMessage().contains("'hello'") && takeover.getMessage().contains("'stranger'")
                && takeover.getMessage().contains("stranger.jar"), takeover.getMessage());
        assertEquals("hello", registry.plugin("hello").orElseThrow().id().orElseThrow());

        assertEquals("1.0.1", registry.install("hello.jar", copy).descriptor().orElseThrow().version(),
                "the same file name is an update");

        Path bad = TestPlugins.write(home.resolve("upload-3.tmp"), "bad", "1.0.0", "permissions: [htp]\n", null);
        RegistryException invalid = assertThrows(RegistryException.class, () -> registry.install("bad.jar", bad));
        assertEquals(RegistryException.Kind.INVALID, invalid.kind());
        assertFalse(invalid.report().orElseThrow().valid());
        assertEquals(RegistryException.Kind.INVALID,
                assertThrows(RegistryException.class, () -> registry.install("../evil.jar", bad)).kind());
        assertEquals(RegistryException.Kind.INVALID,
                assertThrows(RegistryException.class, () -> registry.install(".hidden.jar", bad)).kind());

        registry.uninstall("hello");
        assertTrue(registry.plugin("hello").isEmpty());
        assertFalse(Files.exists(deploy.resolve("hello.jar")));
        assertEquals(RegistryException.Kind.NOT_FOUND,
                assertThrows(RegistryException.class, () -> registry.uninstall("hello")).kind());
        assertEquals(List.of("removed", "updated", "installed"), types(3));
    }

    private List<String> types(int limit) {
        return registry.deployments(0, limit).events().stream().map(DeploymentEvent::type).map(DeploymentEvent.Type::id).toList();
    }

    private Deployer newDeployer(Map<String, Object> configuration) throws IOException {
        Deployer deployer = new Deployer(framework.context(), TestConfigurations.deployer(configuration),
                new TrustedPlugins(TestConfigurations.grants(configuration)), plugin -> Optional.empty());
        OperatorQuarantines quarantines = new OperatorQuarantines();
        quarantines.keeper = deployer;
        deployer.quarantines = quarantines; // as SCR binds the sandbox's policy
        return deployer;
    }

    private TestFramework newFramework() throws Exception {
        return new TestFramework(home.resolve("cache"), Map.of("aibase.home", home.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, "none"));
    }

    private static Path library(Path file) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.lib");
        main.putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.closeEntry();
        }
        return file;
    }

    private static <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertTrue(System.nanoTime() < deadline, "condition not met within 15 s");
            Thread.sleep(20);
        }
    }
}
