package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.internal.DeploymentOutcome.Status;
import org.aibase.deployer.internal.PluginMarks.Mark;
import org.aibase.sandbox.Quarantine;
import org.aibase.validator.ValidationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What the registry shows: one record per deploy-folder bundle, per refused file and per file being
 * validated, with the state computed from the bundle, the operator's marks and OSGi's failures.
 */
final class PluginRecords {

    /** Ordered by id; files without a readable id last, by file name; installed before refused. */
    static final Comparator<PluginRecord> ORDER = Comparator
            .comparing((PluginRecord r) -> r.id().isEmpty())
            .thenComparing(r -> r.id().orElse(""))
            .thenComparing(r -> r.bundleId().isEmpty())
            .thenComparing(PluginRecord::file);

    private final BundleContext context;
    private final DeployLocations locations;
    private final PluginBundles plugins;
    private final DeploymentRecords records;
    private final PluginMarks marks;
    private final PluginTransitions transitions;
    private final Gateways gateways;
    private final Function<String, Optional<String>> rollbacks;

    /** {@code rollbacks}: why a plugin's last configuration change was rolled back, if it was. */
    PluginRecords(BundleContext context, DeployLocations locations, PluginBundles plugins, DeploymentRecords records,
                  PluginMarks marks, PluginTransitions transitions, Gateways gateways,
                  Function<String, Optional<String>> rollbacks) {
        this.context = context;
        this.locations = locations;
        this.plugins = plugins;
        this.records = records;
        this.marks = marks;
        this.transitions = transitions;
        this.gateways = gateways;
        this.rollbacks = rollbacks;
    }

    /** Every record, in {@link #ORDER}. */
    List<PluginRecord> all() {
        List<PluginRecord> all = new ArrayList<>();
        Set<Path> installed = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            Optional<Path> file = locations.fileOf(bundle.getLocation());
            if (file.isPresent() && bundle.getState() != Bundle.UNINSTALLED) {
                installed.add(file.get());
                all.add(of(bundle, file.get()));
            }
        }
        for (Map.Entry<Path, DeploymentOutcome> e : records.outcomes().entrySet()) {
            DeploymentOutcome outcome = e.getValue();
            if (outcome.status() == Status.REFUSED && !installed.contains(e.getKey())) {
                all.add(rejected(outcome));
            }
        }
        for (Path file : records.validatingFiles()) {
            if (!installed.contains(file)) {
                all.add(new PluginRecord(Optional.empty(), file.getFileName().toString(), Optional.empty(),
                        PluginState.VALIDATING, Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(),
                        Instant.now(), Optional.empty()));
            }
        }
        all.sort(ORDER);
        return all;
    }

    /** The record of a plugin id: the installed one when a refused file carries the same id. */
    Optional<PluginRecord> byId(String id) {
        // the installed plugin first, without building every record: the HTTP layer asks on each request
        for (Bundle bundle : context.getBundles()) {
            Optional<Path> file = locations.fileOf(bundle.getLocation());
            if (file.isPresent() && bundle.getState() != Bundle.UNINSTALLED
                    && plugins.descriptorOf(bundle).filter(d -> d.id().equals(id)).isPresent()) {
                return Optional.of(of(bundle, file.get()));
            }
        }
        return all().stream().filter(r -> r.id().filter(id::equals).isPresent()).findFirst();
    }

    /** The record of the plugin installed from the given file, if any. */
    Optional<PluginRecord> byFile(Path file) {
        Bundle bundle = context.getBundle(DeployLocations.of(file));
        return Optional.ofNullable(bundle).filter(b -> b.getState() != Bundle.UNINSTALLED).map(b -> of(b, file));
    }

    private PluginRecord of(Bundle bundle, Path file) {
        Optional<PluginDescriptor> descriptor = plugins.descriptorOf(bundle);
        Optional<String> id = descriptor.map(PluginDescriptor::id);
        Optional<Mark> mark = id.flatMap(marks::of);
        Optional<PluginTransitions.Failure> failure = transitions.failure(bundle);
        PluginState state;
        Optional<String> reason = Optional.empty();
        if (bundle.getState() == Bundle.ACTIVE && gateways.serve(bundle)) {
            state = PluginState.ACTIVE; // "active" means served: its endpoints answer from now on
            reason = id.flatMap(rollbacks); // active again, on its last good configuration
        } else if (mark.filter(m -> m.state() == PluginState.QUARANTINED).isPresent()) {
            state = PluginState.QUARANTINED;
            reason = mark.get().quarantine().map(Quarantine::reason);
        } else if (failure.isPresent()) {
            state = PluginState.FAILED;
            reason = Optional.of(failure.get().reason());
        } else if (mark.isPresent() && bundle.getState() != Bundle.ACTIVE) {
            state = PluginState.STOPPED;
        } else {
            state = PluginState.INSTALLED;
        }
        Optional<DeploymentOutcome> outcome = records.outcome(file);
        if (reason.isEmpty()) {
            // the file was replaced by content that was refused: the installed version keeps running
            reason = outcome.filter(o -> o.status() == Status.REFUSED).map(o -> "the file's new content was refused: " + o.reason());
        }
        Optional<ValidationReport> report = outcome.flatMap(DeploymentOutcome::report);
        List<String> endpoints = state == PluginState.ACTIVE && descriptor.map(d -> d.hasPermission(Permission.HTTP)).orElse(false)
                ? List.of("/api/v1/" + id.get()) : List.of();
        Instant since = transitions.since(bundle).or(() -> outcome.map(DeploymentOutcome::at))
                .orElse(Instant.ofEpochMilli(bundle.getLastModified()));
        Optional<Quarantine> quarantine = state == PluginState.QUARANTINED ? mark.get().quarantine() : Optional.empty();
        return new PluginRecord(id, file.getFileName().toString(), descriptor, state, reason, report,
                OptionalLong.of(bundle.getBundleId()), endpoints, since, quarantine);
    }

    private static PluginRecord rejected(DeploymentOutcome outcome) {
        Optional<ValidationReport> report = outcome.report();
        Optional<PluginDescriptor> descriptor = report.flatMap(ValidationReport::descriptor);
        Optional<String> id = outcome.pluginId().isEmpty() ? Optional.empty() : Optional.of(outcome.pluginId());
        return new PluginRecord(id, outcome.file(), descriptor, PluginState.REJECTED, Optional.of(outcome.reason()),
                report, OptionalLong.empty(), List.of(), outcome.at(), Optional.empty());
    }
}
