package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.aibase.api.plugin.ConfigurationRule;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.PluginConfigurationException;
import org.apache.felix.cm.PersistenceManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.cm.ManagedService;

/** Plugin configurations against the real Felix Config Admin in a real framework. */
class PluginConfigurationsTest {

    private static final String PID = "aibase.plugin.hello";

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext context;
    private ConfigurationAdmin admin;
    private PluginConfigurationStore store;
    private Bundle plugin;
    private final BlockingQueue<Map<String, Object>> delivered = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        // the test and Config Admin must share the org.osgi.service.cm classes: the system bundle exports them
        framework = new TestFramework(dir.resolve("cache"),
                Map.of(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1"));
        context = framework.context();
        context.installBundle(PersistenceManager.class.getProtectionDomain().getCodeSource().getLocation().toString()).start();
        admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        defaults.put("max_data_points", 10000);
        defaults.put("generate_charts", true);
        // max_data_points: {default: 10000, min: 1, max: 1000000}
        ConfigurationRule range = new ConfigurationRule(Optional.of(java.math.BigDecimal.ONE),
                Optional.of(java.math.BigDecimal.valueOf(1_000_000)), List.of(), Optional.empty());
        PluginDescriptor hello = new PluginDescriptor("hello", "Hello", "1.0.0", null, null, null, null, null, null, null,
                null, null, Set.of(Permission.HTTP), null, null, defaults, Map.of("max_data_points", range));
        java.util.function.Function<Bundle, Optional<PluginDescriptor>> descriptors =
                b -> "org.example.hello".equals(b.getSymbolicName()) ? Optional.of(hello) : Optional.empty();
        context.registerService(ConfigurationPlugin.class, new PluginDefaultsPlugin(context, descriptors), null);
        store = new PluginConfigurationStore(context, admin, descriptors, ActivationWatch.none());
        context.registerService(ConfigurationListener.class, store, null);
        plugin = TestBundles.plugin("hello", "permissions: [http]\n").start(context);
    }

    @AfterEach
    void stop() throws Exception {
        store.deactivate();
        framework.close();
    }

    @Test
    void theDefaultsAreDeliveredWithoutAFileInAConfigurationBoundToThePlugin() throws Exception {
        consume();

        Map<String, Object> received = next();
        assertEquals(10000, received.get("max_data_points"));
        assertEquals(true, received.get("generate_charts"));
        assertEquals(plugin.getLocation(), admin.getConfiguration(PID, "?").getBundleLocation());
    }

    @Test
    void aFileConfigurationIsBoundToThePluginAndItsStringsTyped() throws Exception {
        Configuration file = admin.getConfiguration(PID, "?"); // as FileInstall creates it
        file.update(new Hashtable<>(Map.of("max_data_points", "42", "generate_charts", "maybe")));
        await(() -> plugin.getLocation().equals(file.getBundleLocation()));
        consume();

        Map<String, Object> received = next();
        assertEquals(42, received.get("max_data_points"));
        assertEquals(true, received.get("generate_charts"), "a value that cannot be read keeps its default");
        assertEquals(Map.of("max_data_points", 42, "generate_charts", true), store.effective("hello"));
    }

    @Test
    void aValueOutsideItsDeclaredRangeIsRefusedBeforeItIsStoredOrDelivered() throws Exception {
        consume();
        next();
        store.update("hello", Map.of("max_data_points", 7));
        assertEquals(7, next().get("max_data_points"));

        PluginConfigurationException refused = assertThrows(PluginConfigurationException.class,
                () -> store.update("hello", Map.of("max_data_points", -1, "generate_charts", false)));

        assertEquals(PluginConfigurationException.Kind.INVALID, refused.kind());
        assertEquals("plugin 'hello': 'max_data_points' must be from 1 to 1000000, not -1", refused.getMessage());
        assertEquals(Optional.of("max_data_points"), refused.key());
        assertEquals(Map.of("max_data_points", 7, "generate_charts", true), store.effective("hello"), "nothing of the request applied");
        assertEquals(null, delivered.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS), "nothing delivered");
    }

    @Test
    void aFileValueOutsideItsRangeIsDeliveredAsTheDefault() throws Exception {
        Configuration file = admin.getConfiguration(PID, "?");
        file.update(new Hashtable<>(Map.of("max_data_points", "0")));
        await(() -> plugin.getLocation().equals(file.getBundleLocation()));
        consume();

        assertEquals(10000, next().get("max_data_points"), "the plugin never sees a value its rule refuses");
        assertEquals(10000, store.effective("hello").get("max_data_points"));
    }

    @Test
    void updatesAreTypeCheckedAndDeliveredLive() throws Exception {
        consume();
        next();

        assertEquals(Map.of("max_data_points", 7, "generate_charts", true), store.update("hello", Map.of("max_data_points", 7)));
        assertEquals(7, next().get("max_data_points"));

        PluginConfigurationException unknown = assertThrows(PluginConfigurationException.class, () -> store.update("hello", Map.of("colour", "red")));
        assertEquals(PluginConfigurationException.Kind.INVALID, unknown.kind());
        assertTrue(unknown.getMessage().contains("'colour'") && unknown.getMessage().contains("max_data_points"),
                unknown.getMessage());
        PluginConfigurationException wrong = assertThrows(PluginConfigurationException.class,
                () -> store.update("hello", Map.of("max_data_points", "many")));
        assertTrue(wrong.getMessage().contains("integer") && wrong.getMessage().contains("'many'"), wrong.getMessage());
        assertEquals(PluginConfigurationException.Kind.NOT_FOUND,
                assertThrows(PluginConfigurationException.class, () -> store.effective("nobody")).kind());

        Map<String, Object> reset = new HashMap<>();
        reset.put("max_data_points", null);
        assertEquals(10000, store.update("hello", reset).get("max_data_points"), "null restores the default");
        assertEquals(10000, next().get("max_data_points"));
    }

    /** A consumer in the plugin bundle, as a plugin's DS component with configurationPid aibase.plugin.hello. */
    private void consume() {
        ManagedService consumer = properties -> {
            if (properties != null) {
                delivered.add(PluginConfigurationStore.asMap(properties));
            }
        };
        Dictionary<String, Object> props = new Hashtable<>(Map.of(Constants.SERVICE_PID, PID));
        plugin.getBundleContext().registerService(ManagedService.class, consumer, props);
    }

    private Map<String, Object> next() throws InterruptedException {
        Map<String, Object> received = delivered.poll(10, TimeUnit.SECONDS);
        assertTrue(received != null, "a configuration is delivered within 10 s");
        return received;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(20);
        }
    }
}
