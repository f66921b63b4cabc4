package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.aibase.validator.DescriptorReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import jakarta.ws.rs.core.Application;

/** Plugin applications and endpoint publication in a real framework. */
class PluginEndpointsTest {

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext context;
    private PluginApplications applications;
    private EndpointPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("cache"));
        context = framework.context();
        applications = new PluginApplications(context, new PluginBundles(new DescriptorReader()));
        publisher = new EndpointPublisher(context, applications);
        applications.open();
        publisher.open();
    }

    @AfterEach
    void stop() throws Exception {
        publisher.close();
        applications.close();
        framework.close();
    }

    @Test
    void aStartedPluginWithHttpGetsItsApplicationWithItsFirstEndpoint() throws Exception {
        Bundle hello = startPlugin("hello", "permissions: [http]\n");
        assertNull(context.getServiceReferences(Application.class.getName(), "(aibase.plugin.id=hello)"),
                "no application before an endpoint: the whiteboard would build it twice");
        registerEndpoint(hello, "hello", () -> { });

        ServiceReference<?> app = only(Application.class.getName(), "(aibase.plugin.id=hello)");
        assertEquals("aibase.hello", app.getProperty("osgi.jakartars.name"));
        assertEquals("/api/v1/hello", app.getProperty("osgi.jakartars.application.base"));

        hello.stop();
        assertNull(context.getServiceReferences(Application.class.getName(), "(aibase.plugin.id=hello)"));
    }

    @Test
    void aPluginWithoutHttpGetsNoApplication() throws Exception {
        Bundle quiet = startPlugin("quiet", "permissions: [llm]\n");
        registerEndpoint(quiet, "quiet", () -> { });

        assertNull(context.getServiceReferences(Application.class.getName(), "(aibase.plugin.id=quiet)"));
    }

    @Test
    void publishesAPluginsOwnEndpointThroughThePluginIntoItsApplication() throws Exception {
        Bundle hello = startPlugin("hello", "permissions: [http]\n");
        Runnable resource = () -> { };
        ServiceRegistration<?> original = registerEndpoint(hello, "hello", resource);

        ServiceReference<?> published = only(Runnable.class.getName(), "(osgi.jakartars.resource=true)");
        assertEquals(hello, published.getBundle(), "the publication belongs to the plugin");
        assertEquals("(osgi.jakartars.name=aibase.hello)", published.getProperty("osgi.jakartars.application.select"));
        assertEquals("hello", published.getProperty("aibase.plugin.id"));
        assertEquals(original.getReference().getProperty(Constants.SERVICE_ID), published.getProperty("aibase.endpoint.source"));
        assertEquals("prototype", published.getProperty(Constants.SERVICE_SCOPE));
        @SuppressWarnings("unchecked")
        ServiceObjects<Object> objects = context.getServiceObjects((ServiceReference<Object>) published);
        assertSame(resource, objects.getService());
        assertEquals(java.util.Set.of((Long) published.getProperty(Constants.SERVICE_ID)), publisher.publishedServiceIds(hello));

        original.unregister();
        assertNull(context.getServiceReferences(Runnable.class.getName(), "(osgi.jakartars.resource=true)"));
    }

    @Test
    void thePublicationVanishesWithThePlugin() throws Exception {
        Bundle hello = startPlugin("hello", "permissions: [http]\n");
        registerEndpoint(hello, "hello", () -> { });

        hello.stop();

        assertNull(context.getServiceReferences(Runnable.class.getName(), "(osgi.jakartars.resource=true)"));
    }

    @Test
    void doesNotPublishIntoAnotherPluginsUrlSpace() throws Exception {
        startPlugin("other", "permissions: [http]\n");
        Bundle hello = startPlugin("hello", "permissions: [http]\n");

        registerEndpoint(hello, "other", () -> { });

        assertNull(context.getServiceReferences(Runnable.class.getName(), "(osgi.jakartars.resource=true)"));
    }

    @Test
    void doesNotPublishForAPluginWithoutHttp() throws Exception {
        Bundle quiet = startPlugin("quiet", "permissions: [llm]\n");

        registerEndpoint(quiet, "quiet", () -> { });

        assertNull(context.getServiceReferences(Runnable.class.getName(), "(osgi.jakartars.resource=true)"));
    }

    private Bundle startPlugin(String id, String permissions) throws Exception {
        Path jar = TestPlugins.write(dir.resolve(id + ".jar"), id, "1.0.0", permissions, null);
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(jar.toUri().toString(), in);
            bundle.start();
            return bundle;
        }
    }

    private static ServiceRegistration<?> registerEndpoint(Bundle plugin, String claimedId, Runnable resource) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("aibase.plugin.endpoint", claimedId);
        return plugin.getBundleContext().registerService(Runnable.class.getName(), resource, properties);
    }

    private ServiceReference<?> only(String type, String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(type, filter);
        assertEquals(1, refs == null ? 0 : refs.length, type + " " + filter);
        return refs[0];
    }

}
