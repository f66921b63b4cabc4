package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Brings the framework's cached platform bundles in line with the ones this runtime carries:
 * installs the new, updates the changed (so a rebuilt runtime never runs stale host code from the
 * cache), uninstalls the ones no longer carried. Plugins are the deployer's business and untouched.
 */
final class PlatformBundleInstaller {

    private final BundleContext system;
    private final Path fingerprintFile;

    PlatformBundleInstaller(BundleContext system, Path fingerprintFile) {
        this.system = system;
        this.fingerprintFile = fingerprintFile;
    }

    /** Returns how many bundles were installed, updated and removed, for the launcher's report. */
    Summary synchronize(List<PlatformBundle> bundles) throws IOException, BundleException, InterruptedException {
        Properties known = loadFingerprints();
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : system.getBundles()) {
            if (bundle.getLocation().startsWith(PlatformBundle.LOCATION_PREFIX)) {
                installed.put(bundle.getLocation(), bundle);
            }
        }
        int added = 0;
        List<Bundle> changed = new ArrayList<>();
        Properties current = new Properties();
        for (PlatformBundle platformBundle : bundles) {
            current.setProperty(platformBundle.location(), platformBundle.fingerprint());
            Bundle bundle = installed.remove(platformBundle.location());
            if (bundle == null) {
                try (InputStream in = platformBundle.content().open()) {
                    bundle = system.installBundle(platformBundle.location(), in);
                }
                added++;
            } else if (!platformBundle.fingerprint().equals(known.getProperty(platformBundle.location()))) {
                try (InputStream in = platformBundle.content().open()) {
                    bundle.update(in);
                }
                changed.add(bundle);
            }
            placeAndStart(platformBundle, bundle);
        }
        for (Bundle stale : installed.values()) {
            stale.uninstall();
            changed.add(stale);
        }
        if (!changed.isEmpty()) {
            refresh(changed);
        }
        saveFingerprints(current);
        return new Summary(bundles.size(), added, changed.size() - installed.size(), installed.size());
    }

    private static void placeAndStart(PlatformBundle platformBundle, Bundle bundle) throws IOException, BundleException {
        if (platformBundle.isFragment()) {
            return;
        }
        bundle.adapt(BundleStartLevel.class).setStartLevel(platformBundle.startLevel());
        // persistent start: it runs when the framework reaches the bundle's level
        bundle.start();
    }

    private void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        system.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    private Properties loadFingerprints() throws IOException {
        Properties properties = new Properties();
        if (Files.exists(fingerprintFile)) {
            try (InputStream in = Files.newInputStream(fingerprintFile)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private void saveFingerprints(Properties fingerprints) throws IOException {
        try (OutputStream out = Files.newOutputStream(fingerprintFile)) {
            fingerprints.store(out, "fingerprints of the platform bundles in the framework cache");
        }
    }

    /** What a synchronization did. */
    record Summary(int total, int installed, int updated, int removed) {
        @Override
        public String toString() {
            return total + " platform bundles (" + installed + " installed, " + updated + " updated, "
                    + removed + " removed)";
        }
    }
}
