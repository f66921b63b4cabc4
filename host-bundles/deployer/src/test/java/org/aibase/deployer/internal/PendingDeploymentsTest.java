package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.aibase.deployer.PluginGateway;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** A deployment is reported once every gateway serves the plugin; a plugin a gateway cannot serve fails. */
class PendingDeploymentsTest {

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext context;
    private final Gateway gateway = new Gateway();
    private PluginTransitions transitions;
    private PendingDeployments pending;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("cache"));
        context = framework.context();
        DeployLocations locations = new DeployLocations(dir);
        transitions = new PluginTransitions(context, locations, new PluginBundles(),
                new DeploymentLog(dir.resolve("deployments.log"), 1 << 20, 2));
        pending = new PendingDeployments(new Gateways(() -> List.of(gateway)), transitions, System::nanoTime, 60_000);
    }

    @AfterEach
    void stop() throws Exception {
        framework.close();
    }

    @Test
    void waitsUntilEveryGatewayServesThePlugin() throws Exception {
        Bundle hello = startPlugin("hello");
        DeploymentTimeline timeline = timeline();

        pending.expect(hello, descriptor("hello", Permission.HTTP), timeline, false);
        assertTrue(pending.waiting(), "the gateway does not serve the plugin yet");
        assertTrue(timeline.reached(DeploymentTimeline.STARTED));

        gateway.served.complete(null);

        assertFalse(pending.waiting(), "reported once the gateway serves it");
        assertTrue(timeline.reached(DeploymentTimeline.ENDPOINTS_REGISTERED));
    }

    @Test
    void aPluginTheGatewayCannotServeIsReportedAsFailedWithTheReason() throws Exception {
        Bundle hello = startPlugin("hello");
        pending.expect(hello, descriptor("hello", Permission.HTTP), timeline(), false);

        gateway.served.completeExceptionally(new IllegalStateException("its REST resources cannot be served: bad model"));

        assertFalse(pending.waiting());
        assertTrue(transitions.failure(hello).orElseThrow().reason().contains("bad model"));
    }

    @Test
    void aPluginWithoutHttpIsNotSaidToHaveEndpoints() throws Exception {
        Bundle quiet = startPlugin("quiet");
        DeploymentTimeline timeline = timeline();
        gateway.served.complete(null);

        pending.expect(quiet, descriptor("quiet"), timeline, false);

        assertFalse(pending.waiting());
        assertFalse(timeline.reached(DeploymentTimeline.ENDPOINTS_REGISTERED));
    }

    @Test
    void anUpdateWaitsForItsRefresh() throws Exception {
        Bundle quiet = startPlugin("quiet");
        gateway.served.complete(null);

        pending.expect(quiet, descriptor("quiet"), timeline(), true);
        assertTrue(pending.waiting());

        pending.refreshed(quiet);
        assertFalse(pending.waiting());
    }

    /** A gateway whose answer the test gives. */
    private static final class Gateway implements PluginGateway {

        final CompletableFuture<Void> served = new CompletableFuture<>();

        @Override
        public void hold(String pluginId) {
        }

        @Override
        public void release(String pluginId) {
        }

        @Override
        public CompletionStage<Void> served(Bundle plugin) {
            return served;
        }

        @Override
        public boolean serves(Bundle plugin) {
            return served.isDone() && !served.isCompletedExceptionally();
        }
    }

    private static DeploymentTimeline timeline() {
        return new DeploymentTimeline("x.jar", DeploymentTimeline.Kind.DEPLOYED, System::nanoTime, System.nanoTime());
    }

    private static PluginDescriptor descriptor(String id, Permission... permissions) {
        return new PluginDescriptor(id, id, "1.0.0", Set.of(permissions));
    }

    private Bundle startPlugin(String id) throws Exception {
        Path jar = TestPlugins.write(dir.resolve(id + ".jar"), id, "1.0.0");
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(jar.toUri().toString(), in);
            bundle.start();
            return bundle;
        }
    }
}
