package org.aibase.sandbox.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** A real framework for a test, with the sandbox's hooks registered as the component registers them. */
final class TestFramework implements AutoCloseable {

    private final Framework framework;
    private final Confinement confinement;

    TestFramework(Path storage, String... trustedPlugins) throws BundleException {
        this(storage, Map.of(), trustedPlugins);
    }

    /** A framework with more launch properties, e.g. system packages the test shares with its bundles. */
    TestFramework(Path storage, Map<String, String> properties, String... trustedPlugins) throws BundleException {
        Map<String, String> all = new HashMap<>(properties);
        all.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        all.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(all);
        framework.start();
        BundleContext system = framework.getBundleContext();
        confinement = new Confinement(system, TestConfigurations.sandbox(Map.of("trusted_plugins", trustedPlugins)));
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }
}
