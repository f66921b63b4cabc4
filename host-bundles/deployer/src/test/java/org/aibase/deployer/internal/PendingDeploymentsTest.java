package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/** A deployment is reported once the whiteboard runtime serves the plugin's endpoints. */
class PendingDeploymentsTest {

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext context;
    private PluginApplications applications;
    private EndpointPublisher publisher;
    private WhiteboardRuntime whiteboard;
    private PendingDeployments pending;
    private volatile RuntimeDTO runtimeDto = new RuntimeDTO();
    private ServiceRegistration<JakartarsServiceRuntime> runtime;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("cache"));
        context = framework.context();
        applications = new PluginApplications(context, new PluginBundles(new DescriptorReader()));
        publisher = new EndpointPublisher(context, applications);
        whiteboard = new WhiteboardRuntime(context);
        pending = new PendingDeployments(publisher, whiteboard, System::nanoTime, 60_000);
        applications.open();
        publisher.open();
        whiteboard.open(pending::recheck);
        runtimeDto.applicationDTOs = new ApplicationDTO[0];
        runtime = context.registerService(JakartarsServiceRuntime.class, () -> runtimeDto, changeCount(1));
    }

    @AfterEach
    void stop() throws Exception {
        whiteboard.close();
        publisher.close();
        applications.close();
        framework.close();
    }

    @Test
    void waitsUntilTheWhiteboardServesEveryPublishedEndpoint() throws Exception {
        Bundle hello = startPlugin("hello");
        Dictionary<String, Object> endpoint = new Hashtable<>();
        endpoint.put("aibase.plugin.endpoint", "hello");
        hello.getBundleContext().registerService(Runnable.class, () -> { }, endpoint);
        Set<Long> published = publisher.publishedServiceIds(hello);
        DeploymentTimeline timeline = timeline();

        pending.expect(hello, descriptor("hello", Permission.HTTP), timeline, false);
        assertTrue(pending.waiting(), "the whiteboard does not serve the endpoint yet");
        assertTrue(timeline.reached(DeploymentTimeline.STARTED));

        runtimeDto = serving("aibase.hello", published.iterator().next());
        runtime.setProperties(changeCount(2));

        assertFalse(pending.waiting(), "reported when the runtime changed and serves the endpoint");
        assertTrue(timeline.reached(DeploymentTimeline.ENDPOINTS_REGISTERED));
    }

    @Test
    void aPluginWithoutEndpointsIsReportedWhenActive() throws Exception {
        Bundle quiet = startPlugin("quiet");
        DeploymentTimeline timeline = timeline();

        pending.expect(quiet, descriptor("quiet", Permission.HTTP), timeline, false);

        assertFalse(pending.waiting());
        assertFalse(timeline.reached(DeploymentTimeline.ENDPOINTS_REGISTERED));
    }

    @Test
    void anUpdateWaitsForItsRefresh() throws Exception {
        Bundle quiet = startPlugin("quiet");

        pending.expect(quiet, descriptor("quiet"), timeline(), true);
        assertTrue(pending.waiting());

        pending.refreshed(quiet);
        assertFalse(pending.waiting());
    }

    private static RuntimeDTO serving(String application, long resourceServiceId) {
        ResourceDTO resource = new ResourceDTO();
        resource.serviceId = resourceServiceId;
        ApplicationDTO app = new ApplicationDTO();
        app.name = application;
        app.resourceDTOs = new ResourceDTO[] {resource};
        RuntimeDTO dto = new RuntimeDTO();
        dto.applicationDTOs = new ApplicationDTO[] {app};
        return dto;
    }

    private static Dictionary<String, Object> changeCount(long count) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_CHANGECOUNT, count);
        return properties;
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
