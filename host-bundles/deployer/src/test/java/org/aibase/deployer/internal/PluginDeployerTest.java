package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;

import org.aibase.deployer.internal.DeploymentOutcome.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;

/** The deployer's decisions carried out against a real framework, with plugin JARs built here. */
class PluginDeployerTest {

    @TempDir
    Path home;

    private Path deploy;
    private TestFramework framework;
    private BundleContext context;
    private DeploymentRecords records;
    private InstalledDigests digests;
    private PluginDeployer deployer;
    private PendingDeployments pending;
    private DeploymentLog log;
    private PluginTransitions transitions;

    @BeforeEach
    void startFramework() throws Exception {
        deploy = Files.createDirectories(home.resolve("deploy"));
        framework = new TestFramework(home.resolve("cache"));
        context = framework.context();
        digests = new InstalledDigests(home.resolve("data/digests.properties"));
        deployer = newDeployer();
    }

    private PluginDeployer newDeployer() {
        records = new DeploymentRecords();
        DeployerSettings settings = DeployerSettings.from(Map.of("aibase.home", home.toString())::get);
        PluginBundles plugins = new PluginBundles();
        log = new DeploymentLog(home.resolve("data/deployments.log"), 1 << 20, 3);
        transitions = new PluginTransitions(context, new DeployLocations(deploy), plugins, log);
        pending = new PendingDeployments(Gateways.none(), transitions, System::nanoTime, 1000);
        return new PluginDeployer(context, settings, new PluginDeployer.Collaborators(
                new PluginValidation(context, new DeployLocations(deploy), plugins,
                        DeployerOptions.from(TestConfigurations.deployer(Map.of())), Set::of),
                plugins, digests, records, pending, new PluginMarks(home.resolve("data/marks.properties")), transitions, log,
                Gateways.none()));
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.close();
    }

    @Test
    void installsAndStartsANewPluginAtThePluginStartLevel() throws IOException {
        Path file = TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");

        assertEquals(OptionalLong.empty(), process(file));

        Bundle bundle = context.getBundle(file.toUri().toString());
        assertNotNull(bundle);
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertEquals(DeployerSettings.DEFAULT_PLUGIN_START_LEVEL, bundle.adapt(BundleStartLevel.class).getStartLevel());
        assertEquals(FileFingerprint.sha256(file), digests.get(bundle.getLocation()).orElseThrow());
        assertEquals(Status.DEPLOYED, records.outcome(file).orElseThrow().status());
    }

    @Test
    void updatesAReplacedPluginInPlace() throws Exception {
        Path file = TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        process(file);
        long id = context.getBundle(file.toUri().toString()).getBundleId();

        TestPlugins.write(file, "hello", "1.0.1");
        process(file);

        Bundle bundle = context.getBundle(id);
        assertEquals("1.0.1", bundle.getVersion().toString());
        assertEquals(FileFingerprint.sha256(file), digests.get(bundle.getLocation()).orElseThrow());
        assertEquals(Status.UPDATED, records.outcome(file).orElseThrow().status());
        for (int i = 0; i < 100 && pending.waiting(); i++) {
            Thread.sleep(50);
        }
        assertTrue(!pending.waiting(), "the update is reported once the refresh is done and the plugin is active");
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    @Test
    void uninstallsAPluginWhoseFileWasDeleted() throws IOException {
        Path file = TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0");
        process(file);
        Bundle bundle = context.getBundle(file.toUri().toString());

        Files.delete(file);
        process(file);

        assertEquals(Bundle.UNINSTALLED, bundle.getState());
        assertTrue(digests.get(bundle.getLocation()).isEmpty());
        assertEquals(Status.REMOVED, records.outcome(file).orElseThrow().status());
    }

    @Test
    void waitsForAHalfWrittenJarAndInstallsItOnceComplete() throws IOException {
        Path file = deploy.resolve("hello.jar");
        byte[] whole = Files.readAllBytes(TestPlugins.write(home.resolve("whole.jar"), "hello", "1.0.0"));
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));

        assertTrue(process(file).isPresent(), "an incomplete file is looked at again");
        assertNull(context.getBundle(file.toUri().toString()));

        Files.write(file, whole);
        assertEquals(OptionalLong.empty(), process(file));
        assertNotNull(context.getBundle(file.toUri().toString()));
    }

    @Test
    void refusesAnInvalidPluginOnceAndRetriesOnlyWhenTheFileChanges() throws IOException {
        Path file = TestPlugins.write(deploy.resolve("bad.jar"), "bad", "1.0.0", "permissions: [htp]\n", null);

        process(file);
        DeploymentOutcome refused = records.outcome(file).orElseThrow();
        assertEquals(Status.REFUSED, refused.status());
        assertTrue(refused.reason().startsWith("invalid — plugin.yaml/permissions: 'htp' is not a permission"), refused.reason());
        assertNull(context.getBundle(file.toUri().toString()));

        process(file);
        assertTrue(refused == records.outcome(file).orElseThrow(), "an unchanged refused file is not tried again");

        TestPlugins.write(file, "bad", "1.0.0");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        process(file);
        assertEquals(Status.DEPLOYED, records.outcome(file).orElseThrow().status());
    }

    @Test
    void refusesASecondFileWithAnInstalledPluginIdNamingBothFiles() throws IOException {
        process(TestPlugins.write(deploy.resolve("hello.jar"), "hello", "1.0.0"));
        Path copy = TestPlugins.write(deploy.resolve("hello-copy.jar"), "hello", "1.0.1");

        process(copy);

        DeploymentOutcome outcome = records.outcome(copy).orElseThrow();
        assertEquals(Status.REFUSED, outcome.status());
        assertTrue(outcome.reason().contains("plugin.yaml/id: 'hello' is already installed from hello.jar"), outcome.reason());
        assertNull(context.getBundle(copy.toUri().toString()));
    }

    @Test
    void keepsAPluginThatCannotResolveInstalledAsFailedWithTheFrameworksMessage() throws IOException {
        Path file = TestPlugins.write(deploy.resolve("needy.jar"), "needy", "1.0.0", "permissions: [http]\n",
                "org.aibase.api.missing");

        process(file);

        assertEquals(Status.DEPLOYED, records.outcome(file).orElseThrow().status());
        Bundle bundle = context.getBundle(file.toUri().toString());
        assertNotNull(bundle, "it stays installed: it may resolve once what it needs arrives");
        String reason = transitions.failure(bundle).orElseThrow().reason();
        assertTrue(reason.contains("org.aibase.api.missing"), reason);
        var events = log.page(0, 10).events();
        assertEquals(List.of("failed", "installed"), events.stream().map(e -> e.type().id()).toList());
        assertTrue(events.get(0).reason().orElseThrow().contains("org.aibase.api.missing"));
    }

    @Test
    void leavesAnUnchangedPluginAloneAfterARestartAndRemovesOneWhoseFileIsGone() throws IOException {
        Path kept = TestPlugins.write(deploy.resolve("kept.jar"), "kept", "1.0.0");
        Path gone = TestPlugins.write(deploy.resolve("gone.jar"), "gone", "1.0.0");
        process(kept);
        process(gone);
        Files.delete(gone);

        deployer = newDeployer(); // as after a restart: nothing in memory, digests from the file
        digests = new InstalledDigests(home.resolve("data/digests.properties"));
        for (Path file : deployer.installedFiles()) {
            process(file);
        }

        assertTrue(records.outcome(kept).isEmpty(), "unchanged: nothing done");
        assertEquals(Status.REMOVED, records.outcome(gone).orElseThrow().status());
        assertNull(context.getBundle(gone.toUri().toString()));
    }

    private OptionalLong process(Path file) {
        return deployer.process(file, System.nanoTime());
    }
}
