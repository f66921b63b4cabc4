package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.internal.DeploymentOutcome.Status;
import org.aibase.deployer.internal.DeploymentPlanner.Plan;
import org.aibase.deployer.internal.FileObservation.Complete;
import org.aibase.deployer.internal.FileObservation.Incomplete;
import org.aibase.validator.ValidationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one file of the deploy folder into the matching OSGi action: install and start, update and
 * refresh, uninstall and refresh, or refuse. Called on one thread only, so files are handled serially.
 */
final class PluginDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeployer.class);

    /** How long a file may stay incomplete and unchanged before it is refused as unreadable. */
    static final long GIVE_UP_MILLIS = 3000;

    /** How long after the last look an incomplete file is looked at again, unless an event comes first. */
    static final long QUIET_MILLIS = 100;

    private final BundleContext context;
    private final DeployerSettings settings;
    private final DeployLocations locations;
    private final PluginValidation validation;
    private final PluginBundles plugins;
    private final InstalledDigests digests;
    private final DeploymentRecords records;
    private final PendingDeployments pending;
    private final PluginMarks marks;
    private final PluginTransitions transitions;
    private final DeploymentLog log;
    private final Gateways gateways;
    private final DeploymentPlanner planner = new DeploymentPlanner(GIVE_UP_MILLIS);
    private final LongSupplier nanoClock = System::nanoTime;

    /** The collaborators a deployer works with; they outlive a single file. */
    record Collaborators(PluginValidation validation, PluginBundles plugins, InstalledDigests digests,
                         DeploymentRecords records, PendingDeployments pending, PluginMarks marks,
                         PluginTransitions transitions, DeploymentLog log, Gateways gateways) {
    }

    PluginDeployer(BundleContext context, DeployerSettings settings, Collaborators with) {
        this.context = context;
        this.settings = settings;
        this.locations = new DeployLocations(settings.deployDir());
        this.validation = with.validation();
        this.plugins = with.plugins();
        this.digests = with.digests();
        this.records = with.records();
        this.pending = with.pending();
        this.marks = with.marks();
        this.transitions = with.transitions();
        this.log = with.log();
        this.gateways = with.gateways();
    }

    /**
     * Brings the framework in line with the file as it is now.
     *
     * @return the {@link System#nanoTime()} at which to look at the file again; empty when done with it
     */
    OptionalLong process(Path file, long detectedNanos) {
        String location = DeployLocations.of(file);
        Bundle bundle = context.getBundle(location);
        FileObservation observed = FileObservation.of(file);
        Plan plan = planner.plan(observed, records.known(file, bundle != null, digests.get(location)),
                System.currentTimeMillis());
        switch (plan.step()) {
            case WAIT -> {
                records.sighted(file, plan.sighting().orElseThrow());
                return OptionalLong.of(nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
            }
            case GIVE_UP -> refuse(file, new FileFingerprint(((Incomplete) observed).stamp(), ""), Optional.empty(),
                    Optional.empty(), "not a complete JAR (zip) file: it has no end-of-central-directory record and stayed unchanged for "
                            + TimeUnit.MILLISECONDS.toSeconds(GIVE_UP_MILLIS) + " s");
            case INSTALL -> install(file, location, ((Complete) observed).fingerprint(), detectedNanos);
            case UPDATE -> update(file, bundle, ((Complete) observed).fingerprint(), detectedNanos);
            case UNINSTALL -> uninstall(file, bundle, detectedNanos);
            case FORGET -> records.forget(file);
            case SKIP -> LOG.debug("{} unchanged", file.getFileName());
        }
        return OptionalLong.empty();
    }

    /** The deploy-folder files that bundles are installed from, whether or not the files still exist. */
    List<Path> installedFiles() {
        return Arrays.stream(context.getBundles())
                .map(b -> locations.fileOf(b.getLocation()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Forgets digests of locations nothing is installed from any more (e.g. uninstalled through the console). */
    void forgetStaleDigests() {
        digests.locations().stream().filter(location -> context.getBundle(location) == null).forEach(digests::remove);
    }

    private void install(Path file, String location, FileFingerprint fingerprint, long detectedNanos) {
        DeploymentTimeline timeline = timeline(file, DeploymentTimeline.Kind.DEPLOYED, detectedNanos);
        Optional<ValidationReport> accepted = validate(file, location, fingerprint, timeline);
        if (accepted.isEmpty()) {
            return;
        }
        ValidationReport report = accepted.get();
        Optional<PluginDescriptor> plugin = report.descriptor();
        Bundle bundle;
        try (InputStream in = contents(file, plugin)) {
            bundle = context.installBundle(location, in);
        } catch (BundleException | IOException e) {
            refuse(file, fingerprint, plugin, accepted, "install failed — " + e.getMessage());
            return;
        }
        bundle.adapt(BundleStartLevel.class).setStartLevel(settings.pluginStartLevel());
        timeline.mark(DeploymentTimeline.INSTALLED);
        digests.put(location, fingerprint.sha256());
        succeeded(file, Status.DEPLOYED, plugin, report);
        if (plugin.map(p -> marks.held(p.id())).orElse(false)) {
            LOG.info("{} is installed but not started: plugin '{}' was stopped by an operator", file.getFileName(),
                    plugin.get().id());
            return;
        }
        try {
            // takes effect once the framework reaches the plugin start level (at once when running)
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            // it stays installed and reported as failed: it may resolve once what it needs is deployed
            LOG.warn("{} is installed but cannot start: {}", file.getFileName(), e.getMessage());
            transitions.failed(bundle, e);
            return;
        }
        plugin.ifPresent(p -> pending.expect(bundle, p, timeline, false));
    }

    private void update(Path file, Bundle bundle, FileFingerprint fingerprint, long detectedNanos) {
        DeploymentTimeline timeline = timeline(file, DeploymentTimeline.Kind.UPDATED, detectedNanos);
        Optional<ValidationReport> accepted = validate(file, bundle.getLocation(), fingerprint, timeline);
        if (accepted.isEmpty()) {
            return; // the installed version keeps running
        }
        Optional<PluginDescriptor> plugin = accepted.get().descriptor();
        // the plugin's calls wait while its bundle is replaced, and go to the new revision once it is served
        Optional<String> failure = changing(bundle, () -> {
            try (InputStream in = contents(file, plugin)) {
                // a start that fails after the update is the framework's ERROR event, seen by the transitions
                bundle.update(in);
                return Optional.empty();
            } catch (BundleException | IOException | IllegalStateException e) {
                return Optional.of("update failed — " + e.getMessage());
            }
        });
        if (failure.isPresent()) {
            refuse(file, fingerprint, plugin, accepted, failure.get());
            return;
        }
        timeline.mark(DeploymentTimeline.INSTALLED);
        digests.put(bundle.getLocation(), fingerprint.sha256());
        succeeded(file, Status.UPDATED, plugin, accepted.get());
        boolean held = plugin.map(p -> marks.held(p.id())).orElse(false);
        boolean refreshing = removalPending(bundle);
        plugin.filter(p -> !held).ifPresent(p -> pending.expect(bundle, p, timeline, refreshing));
        if (refreshing) {
            refresh(bundle, () -> pending.refreshed(bundle));
        }
    }

    /** What is installed for a validated file: the file itself, or for an isolated plugin its {@link StandIn}. */
    private static InputStream contents(Path file, Optional<PluginDescriptor> plugin) throws IOException {
        return plugin.filter(p -> p.security() == SecurityLevel.ISOLATED).isPresent() ? StandIn.of(file)
                : Files.newInputStream(file);
    }

    /** Runs a change of an installed plugin's bundle between holding and releasing its calls. */
    private <T> T changing(Bundle bundle, java.util.function.Supplier<T> change) {
        Optional<String> id = plugins.descriptorOf(bundle).map(PluginDescriptor::id);
        if (id.isEmpty()) {
            return change.get();
        }
        Object[] result = new Object[1];
        gateways.changing(id.get(), () -> result[0] = change.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** Whether other bundles are wired to the bundle (a trusted plugin may export packages): they need a refresh when it goes. */
    private static boolean wiredToOthers(Bundle bundle) {
        org.osgi.framework.wiring.BundleWiring wiring = bundle.adapt(org.osgi.framework.wiring.BundleWiring.class);
        return wiring != null && wiring.getProvidedWires(null).stream()
                .anyMatch(wire -> wire.getRequirer().getBundle().getBundleId() != bundle.getBundleId());
    }

    /**
     * Whether the bundle's previous revision is still wired to other bundles, so only a refresh lets
     * them go. A plugin nothing imports from (sandboxed plugins can export to nobody) needs none, and
     * no other bundle is restarted by its update.
     */
    private boolean removalPending(Bundle bundle) {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .getRemovalPendingBundles().contains(bundle);
    }

    private void uninstall(Path file, Bundle bundle, long detectedNanos) {
        Optional<PluginDescriptor> plugin = plugins.descriptorOf(bundle);
        String pluginId = plugin.map(PluginDescriptor::id).orElse(bundle.getSymbolicName());
        boolean refreshing = removalPending(bundle) || wiredToOthers(bundle);
        Optional<String> failure = changing(bundle, () -> {
            try {
                bundle.uninstall();
                return Optional.empty();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Cannot uninstall {} ({}) after its file was removed", file.getFileName(), pluginId, e);
                return Optional.of(e.toString());
            }
        });
        if (failure.isPresent()) {
            return;
        }
        digests.remove(bundle.getLocation());
        // a plugin deployed again later starts afresh
        plugin.ifPresent(p -> marks.clear(p.id()));
        records.succeeded(file, outcome(file, Status.REMOVED, plugin, "", Optional.empty()));
        log.append(event(file, DeploymentEvent.Type.REMOVED, plugin, Optional.empty()));
        Runnable removed = () -> LOG.info("{}", DeploymentTimeline.removedLine(file.getFileName().toString(), pluginId,
                TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - detectedNanos)));
        if (refreshing) {
            refresh(bundle, removed);
        } else {
            removed.run();
        }
    }

    /** Validates the file (its id must not be installed from another file); the accepted report, empty when refused. */
    private Optional<ValidationReport> validate(Path file, String location, FileFingerprint fingerprint,
                                                DeploymentTimeline timeline) {
        records.validating(file);
        ValidationReport report = validation.validate(file, file.getFileName().toString());
        timeline.mark(DeploymentTimeline.VALIDATED);
        Optional<PluginDescriptor> plugin = report.descriptor();
        if (!report.valid()) {
            refuse(file, fingerprint, plugin, Optional.of(report), report.verdict());
            return Optional.empty();
        }
        return Optional.of(report);
    }

    private void succeeded(Path file, Status status, Optional<PluginDescriptor> plugin, ValidationReport report) {
        records.succeeded(file, outcome(file, status, plugin, "", Optional.of(report)));
        log.append(event(file, status == Status.UPDATED ? DeploymentEvent.Type.UPDATED : DeploymentEvent.Type.INSTALLED,
                plugin, Optional.empty()));
    }

    private void refuse(Path file, FileFingerprint fingerprint, Optional<PluginDescriptor> plugin,
                        Optional<ValidationReport> report, String reason) {
        records.refused(file, fingerprint, outcome(file, Status.REFUSED, plugin, reason, report));
        log.append(event(file, DeploymentEvent.Type.REJECTED, plugin, Optional.of(reason)));
        LOG.warn("Refused {}: {}", file.getFileName(), reason);
    }

    private void refresh(Bundle bundle, Runnable whenDone) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        // only this bundle and its dependants, not every pending removal of the framework
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                LOG.warn("Refreshing {} failed", bundle.getLocation(), event.getThrowable());
            }
            whenDone.run();
        });
    }

    private DeploymentTimeline timeline(Path file, DeploymentTimeline.Kind kind, long detectedNanos) {
        return new DeploymentTimeline(file.getFileName().toString(), kind, nanoClock, detectedNanos);
    }

    private static DeploymentOutcome outcome(Path file, Status status, Optional<PluginDescriptor> plugin, String reason,
                                             Optional<ValidationReport> report) {
        return new DeploymentOutcome(file.getFileName().toString(), status, plugin.map(PluginDescriptor::id).orElse(""),
                reason, Instant.now(), report);
    }

    private static DeploymentEvent event(Path file, DeploymentEvent.Type type, Optional<PluginDescriptor> plugin,
                                         Optional<String> reason) {
        return new DeploymentEvent(Instant.now(), type, file.getFileName().toString(), plugin.map(PluginDescriptor::id),
                plugin.map(PluginDescriptor::version), reason);
    }
}
