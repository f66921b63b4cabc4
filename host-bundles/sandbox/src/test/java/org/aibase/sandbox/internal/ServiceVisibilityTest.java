package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** The find and event listener hooks in a real framework: what confined plugins see, and what whiteboards see of them. */
class ServiceVisibilityTest {

    private static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String LLM = "org.aibase.api.llm.LlmService";
    private static final String PLUGIN_CONTEXT = "org.aibase.api.plugin.PluginContext";
    private static final String REGISTRY = "org.aibase.deployer.PluginRegistry";

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext platform;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("cache"), "trustme");
        platform = TestBundles.platform("org.example.platform").start(framework.context()).getBundleContext();
        register(platform, CONFIG_ADMIN, Map.of());
        register(platform, LLM, Map.of());
        register(platform, PLUGIN_CONTEXT, Map.of());
        register(platform, REGISTRY, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        framework.close();
    }

    @Test
    void aSandboxPluginSeesConfigAdminForItsExtenderButNoPlatformInternals() throws Exception {
        BundleContext plugin = plugin("quiet", "permissions: [llm]\n");

        // SCR tracks Config Admin with the plugin's own context to read its components' configuration
        assertNotNull(plugin.getServiceReference(CONFIG_ADMIN));
        assertNull(plugin.getServiceReference(REGISTRY));
        List<String> everything = Stream.of(plugin.getServiceReferences((String) null, null))
                .flatMap(r -> Stream.of((String[]) r.getProperty("objectClass"))).toList();
        assertTrue(everything.contains(LLM) && everything.contains(CONFIG_ADMIN) && !everything.contains(REGISTRY),
                "a look-up of everything: " + everything);
    }

    @Test
    void aGrantedServiceIsVisibleOnlyWithThePermission() throws Exception {
        assertNotNull(plugin("talker", "permissions: [llm]\n").getServiceReference(LLM));
        assertNull(plugin("mute", "permissions: [storage]\n").getServiceReference(LLM));
    }

    @Test
    void everyPluginSeesItsContext() throws Exception {
        assertNotNull(plugin("plain", "").getServiceReference(PLUGIN_CONTEXT));
    }

    @Test
    void aPluginSeesItsOwnServicesButNotAnotherPlugins() throws Exception {
        BundleContext mine = plugin("mine", "");
        BundleContext other = plugin("other", "permissions: [llm]\n");
        register(mine, "com.example.Own", Map.of());
        // a plugin registering under a granted name does not become a provider for others
        register(mine, LLM, Map.of("fake", "yes"));

        assertNotNull(mine.getServiceReference("com.example.Own"));
        assertNull(other.getServiceReference("com.example.Own"));
        ServiceReference<?>[] llms = other.getServiceReferences(LLM, null);
        assertEquals(1, llms.length);
        assertNull(llms[0].getProperty("fake"));
    }

    @Test
    void aGrantedTrustedPluginSeesEverything() throws Exception {
        assertNotNull(plugin("trustme", "security: trusted\n").getServiceReference(REGISTRY));
        assertNull(plugin("selfmade", "security: trusted\n").getServiceReference(REGISTRY));
    }

    @Test
    void platformBundlesSeePluginServices() throws Exception {
        register(plugin("handler", ""), "org.aibase.api.jobs.JobHandler", Map.of());

        assertNotNull(platform.getServiceReference("org.aibase.api.jobs.JobHandler"));
    }

    @Test
    void aSandboxPluginHearsOnlyOfServicesItMaySee() throws Exception {
        BundleContext plugin = plugin("listener", "permissions: [llm]\n");
        List<String> heard = new ArrayList<>();
        plugin.addServiceListener(event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                heard.add(((String[]) event.getServiceReference().getProperty("objectClass"))[0]);
            }
        });

        register(platform, REGISTRY, Map.of("second", true));
        register(platform, LLM, Map.of("second", true));

        assertEquals(List.of(LLM), heard);
    }

    @Test
    void theHttpWhiteboardSeesNoServletFilterOrResourceOfAPlugin() throws Exception {
        BundleContext plugin = plugin("web", "permissions: [http]\n");
        BundleContext whiteboard = TestBundles.platform("org.apache.felix.http.jetty12").start(framework.context())
                .getBundleContext();
        register(plugin, "com.example.Sniffer", Map.of("osgi.http.whiteboard.filter.pattern", "/*"));
        register(plugin, "com.example.Page", Map.of("osgi.http.whiteboard.servlet.pattern", "/api/v1/*"));
        register(plugin, "com.example.Listener", Map.of("osgi.http.whiteboard.listener", true));
        register(plugin, "com.example.Plain", Map.of("aibase.plugin.endpoint", "web"));

        assertNull(whiteboard.getServiceReference("com.example.Sniffer"));
        assertNull(whiteboard.getServiceReference("com.example.Page"));
        assertNull(whiteboard.getServiceReference("com.example.Listener"));
        assertNotNull(whiteboard.getServiceReference("com.example.Plain"), "a plugin's endpoint is the host's to serve");
        assertNotNull(platform.getServiceReference("com.example.Sniffer"), "other platform bundles still see it");
    }

    @Test
    void theTrueConditionThatDsWaitsForIsVisibleToEveryPlugin() throws Exception {
        // SCR looks it up for every DS 1.5 component with the plugin's own context: hidden, nothing would activate
        register(platform, "org.osgi.service.condition.Condition", Map.of("osgi.condition.id", "true"));

        assertNotNull(plugin("ds", "").getServiceReference("org.osgi.service.condition.Condition"));
    }

    private BundleContext plugin(String id, String yaml) throws Exception {
        Bundle bundle = TestBundles.plugin(id, yaml).start(framework.context());
        return bundle.getBundleContext();
    }

    /** Registers a dummy under a class name the registering bundle cannot load: a factory skips the type check. */
    private static ServiceRegistration<?> register(BundleContext context, String className, Map<String, Object> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        return context.registerService(className, new ServiceFactory<Object>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return new Object();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            }
        }, dictionary);
    }
}
