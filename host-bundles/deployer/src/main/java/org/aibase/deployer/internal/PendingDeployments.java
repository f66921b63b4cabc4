package org.aibase.deployer.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments that are installed but not yet reported: waiting for the refresh (updates), for the
 * plugin to be active, and for the gateways (the HTTP host) to serve it. Logs each one's timeline
 * once, when it is complete or when it has waited too long; a plugin the gateways cannot serve is
 * recorded as failed with their reason.
 *
 * <p>Called from the deployer's thread and from framework and gateway threads; it holds no lock
 * while it asks the gateways.
 */
final class PendingDeployments {

    private static final Logger LOG = LoggerFactory.getLogger(PendingDeployments.class);

    private static final class Pending {
        final Bundle bundle;
        final PluginDescriptor plugin;
        final DeploymentTimeline timeline;
        final long deadlineNanos;
        volatile boolean awaitingRefresh;
        final java.util.concurrent.atomic.AtomicBoolean askedGateways = new java.util.concurrent.atomic.AtomicBoolean();

        Pending(Bundle bundle, PluginDescriptor plugin, DeploymentTimeline timeline, long deadlineNanos,
                boolean awaitingRefresh) {
            this.bundle = bundle;
            this.plugin = plugin;
            this.timeline = timeline;
            this.deadlineNanos = deadlineNanos;
            this.awaitingRefresh = awaitingRefresh;
        }
    }

    private final Gateways gateways;
    private final PluginTransitions transitions;
    private final LongSupplier nanoClock;
    private final long timeoutNanos;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    PendingDeployments(Gateways gateways, PluginTransitions transitions, LongSupplier nanoClock, long timeoutMillis) {
        this.gateways = gateways;
        this.transitions = transitions;
        this.nanoClock = nanoClock;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Follows an installed or updated plugin until it is active and its endpoints are served. */
    void expect(Bundle bundle, PluginDescriptor plugin, DeploymentTimeline timeline, boolean awaitingRefresh) {
        Pending p = new Pending(bundle, plugin, timeline, nanoClock.getAsLong() + timeoutNanos, awaitingRefresh);
        pending.put(bundle.getBundleId(), p);
        advance(p);
    }

    /** The refresh that followed an update of the bundle has completed. */
    void refreshed(Bundle bundle) {
        Pending p = pending.get(bundle.getBundleId());
        if (p != null) {
            p.awaitingRefresh = false;
            advance(p);
        }
    }

    /** Looks at every pending deployment again, e.g. when a bundle changed state. */
    void recheck() {
        pending.values().forEach(this::advance);
    }

    /** Whether the deployment of this bundle is still coming up (refresh, start, endpoints). */
    boolean isPending(Bundle bundle) {
        return pending.containsKey(bundle.getBundleId());
    }

    /** Whether anything is pending (then the deployer looks again regularly, e.g. for start-level starts). */
    boolean waiting() {
        return !pending.isEmpty();
    }

    /** Reports and drops deployments that waited past their deadline. */
    void expire() {
        long now = nanoClock.getAsLong();
        for (Pending p : pending.values()) {
            if (now - p.deadlineNanos >= 0) {
                String missing = p.awaitingRefresh ? "the refresh did not complete"
                        : !p.timeline.reached(DeploymentTimeline.STARTED) ? "the plugin is not active"
                        : "the HTTP host does not serve it yet";
                if (finish(p)) {
                    LOG.warn("{} not complete after {} s: {}", p.timeline.file(),
                            TimeUnit.NANOSECONDS.toSeconds(timeoutNanos), missing);
                }
            }
        }
    }

    private void advance(Pending p) {
        if (p.bundle.getState() == Bundle.UNINSTALLED) {
            pending.remove(p.bundle.getBundleId(), p); // removed before it came up: its removal is what gets reported
            return;
        }
        if (p.awaitingRefresh) {
            return;
        }
        if (!p.timeline.reached(DeploymentTimeline.STARTED)) {
            if (p.bundle.getState() != Bundle.ACTIVE) {
                return;
            }
            p.timeline.mark(DeploymentTimeline.STARTED);
        }
        if (!p.askedGateways.compareAndSet(false, true)) {
            return;
        }
        gateways.served(p.bundle).whenComplete((served, refused) -> {
            if (refused != null) {
                transitions.failed(p.bundle, refused instanceof java.util.concurrent.CompletionException
                        && refused.getCause() != null ? refused.getCause() : refused);
            } else if (p.plugin.hasPermission(Permission.HTTP)) {
                p.timeline.mark(DeploymentTimeline.ENDPOINTS_REGISTERED);
            }
            finish(p);
        });
    }

    /** Reports a deployment once, whichever thread gets here first; tells whether this call reported it. */
    private boolean finish(Pending p) {
        if (!pending.remove(p.bundle.getBundleId(), p)) {
            return false;
        }
        LOG.info("{}", p.timeline.line(p.plugin.id(), p.plugin.version()));
        return true;
    }
}
