package org.aibase.deployer.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.DeploymentEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;

/**
 * When each deploy-folder bundle last changed state, and why it failed: from the exception of a start
 * the deployer or the registry asked for, or from the framework's ERROR event for starts the framework
 * made itself (start level, refresh after an update, restart). A failure is forgotten once the bundle
 * is active, updated or gone.
 */
final class PluginTransitions implements FrameworkListener, SynchronousBundleListener {

    /** Why a bundle failed, and since when. */
    record Failure(String reason, Instant at) {
    }

    private final BundleContext context;
    private final DeployLocations locations;
    private final PluginBundles plugins;
    private final DeploymentLog log;
    private final Map<Long, Failure> failures = new ConcurrentHashMap<>();
    private final Map<Long, Instant> since = new ConcurrentHashMap<>();

    PluginTransitions(BundleContext context, DeployLocations locations, PluginBundles plugins, DeploymentLog log) {
        this.context = context;
        this.locations = locations;
        this.plugins = plugins;
        this.log = log;
    }

    void open() {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
    }

    void close() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
    }

    /** Records that a start failed, and logs it. */
    void failed(Bundle bundle, Throwable cause) {
        String reason = reason(cause);
        Instant now = Instant.now();
        failures.put(bundle.getBundleId(), new Failure(reason, now));
        since.put(bundle.getBundleId(), now);
        Optional<PluginDescriptor> plugin = plugins.descriptorOf(bundle);
        log.append(new DeploymentEvent(now, DeploymentEvent.Type.FAILED, DeployLocations.displayName(bundle.getLocation()),
                plugin.map(PluginDescriptor::id), plugin.map(PluginDescriptor::version), Optional.of(reason)));
    }

    /** Why the bundle failed, while it has not been active since. */
    Optional<Failure> failure(Bundle bundle) {
        return Optional.ofNullable(failures.get(bundle.getBundleId()));
    }

    /** When the bundle last changed state, as far as this deployer has seen. */
    Optional<Instant> since(Bundle bundle) {
        return Optional.ofNullable(since.get(bundle.getBundleId()));
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        Bundle bundle = event.getBundle();
        // an error of a bundle that runs (e.g. a service factory that refused it) is no failure to start
        if (event.getType() == FrameworkEvent.ERROR && bundle != null && ours(bundle) && bundle.getState() != Bundle.ACTIVE) {
            failed(bundle, event.getThrowable());
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!ours(bundle)) {
            return;
        }
        since.put(bundle.getBundleId(), Instant.now());
        switch (event.getType()) {
            case BundleEvent.STARTED, BundleEvent.UPDATED -> failures.remove(bundle.getBundleId());
            case BundleEvent.UNINSTALLED -> {
                failures.remove(bundle.getBundleId());
                since.remove(bundle.getBundleId());
            }
            default -> { }
        }
    }

    private boolean ours(Bundle bundle) {
        return locations.fileOf(bundle.getLocation()).isPresent();
    }

    /** OSGi's own words, e.g. the unresolved requirement naming the missing package. */
    static String reason(Throwable cause) {
        if (cause == null) {
            return "failed without a reason";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Throwable root = cause.getCause();
        return root == null || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + ": " + root.getMessage();
    }
}
