package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** A real framework for a test, running at the plugin start level so installed plugins start at once. */
final class TestFramework implements AutoCloseable {

    private final Framework framework;

    TestFramework(Path storage) throws BundleException {
        this(storage, Map.of());
    }

    TestFramework(Path storage, Map<String, String> properties) throws BundleException {
        Map<String, String> all = new HashMap<>(properties);
        all.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        all.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        all.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(DeployerSettings.DEFAULT_PLUGIN_START_LEVEL));
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(all);
        framework.start();
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
