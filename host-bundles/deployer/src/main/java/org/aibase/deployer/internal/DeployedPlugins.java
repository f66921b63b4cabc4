package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.deployer.RegistryException;
import org.aibase.deployer.RegistryException.Kind;
import org.aibase.deployer.internal.DeploymentOutcome.Status;
import org.aibase.sandbox.Quarantines;
import org.aibase.validator.ValidationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The registry's operations. Installing and uninstalling go through the deploy folder, exactly as a
 * file dropped or deleted by hand, so the folder stays the one truth; starting and stopping go through
 * the bundle and are remembered as marks.
 */
final class DeployedPlugins implements PluginRegistry {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeployedPlugins.class);

    static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration UNINSTALL_TIMEOUT = Duration.ofSeconds(10);

    /** A plain file name: no folder, no hidden or partial-download prefix. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.jar");

    private final BundleContext context;
    private final DeployerSettings settings;
    private final PluginRecords records;
    private final PluginValidation validation;
    private final DeploymentRecords outcomes;
    private final PendingDeployments pending;
    private final PluginMarks marks;
    private final PluginTransitions transitions;
    private final DeploymentLog log;
    private final Gateways gateways;
    private final PluginSwitch switches;
    private final Supplier<Quarantines> quarantines;

    /** @param quarantines the sandbox's quarantine policy, or null while it is not there */
    DeployedPlugins(BundleContext context, DeployerSettings settings, PluginRecords records, PluginDeployer.Collaborators with,
            PluginSwitch switches, Supplier<Quarantines> quarantines) {
        this.context = context;
        this.settings = settings;
        this.records = records;
        this.validation = with.validation();
        this.outcomes = with.records();
        this.pending = with.pending();
        this.marks = with.marks();
        this.transitions = with.transitions();
        this.log = with.log();
        this.gateways = with.gateways();
        this.switches = switches;
        this.quarantines = quarantines;
    }

    @Override
    public List<PluginRecord> plugins() {
        return records.all();
    }

    @Override
    public Optional<PluginRecord> plugin(String id) {
        return records.byId(id);
    }

    @Override
    public PluginRecord start(String id) {
        PluginRecord record = require(id);
        switches.bundleOf(record, "start");
        marks.clear(id);
        awaitServed(switches.start(record, DeploymentEvent.Type.STARTED, Optional.empty()));
        return require(id);
    }

    /** Waits (bounded) until the gateways serve the started bundle: "active" in the answer means served. */
    private void awaitServed(Bundle bundle) {
        try {
            gateways.served(bundle).get(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            transitions.failed(bundle, e.getCause());
        } catch (TimeoutException e) {
            LOG.warn("Plugin bundle {} is not served {} s after it started", bundle.getSymbolicName(),
                    INSTALL_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PluginRecord stop(String id) {
        PluginRecord record = require(id);
        switches.bundleOf(record, "stop");
        marks.stopped(id); // first: a restart in between must not start it again
        switches.stop(record, DeploymentEvent.Type.STOPPED, Optional.empty());
        return require(id);
    }

    @Override
    public PluginRecord quarantine(String id, Optional<String> reason, boolean pinned) {
        switches.bundleOf(require(id), "quarantine");
        Quarantines policy = quarantines.get();
        if (policy == null) {
            throw new RegistryException(Kind.UNAVAILABLE, "plugin '" + id + "' cannot be quarantined now: the sandbox's "
                    + "quarantine policy is not running");
        }
        try {
            policy.quarantine(id, reason, pinned); // the policy decides its terms; this deployer, its keeper, stops the plugin
        } catch (IllegalStateException e) {
            throw new RegistryException(Kind.UNAVAILABLE, e.getMessage());
        }
        return require(id);
    }

    @Override
    public void uninstall(String id) {
        Path file = settings.deployDir().resolve(require(id).file());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
        await(UNINSTALL_TIMEOUT, "removing plugin '" + id + "'", () -> {
            Optional<DeploymentOutcome> outcome = outcomes.outcome(file);
            boolean handled = outcome.isEmpty() || outcome.get().status() == Status.REMOVED;
            return handled && records.byFile(file).isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
    }

    @Override
    public PluginRecord install(String fileName, Path stagedJar) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new RegistryException(Kind.INVALID, "'" + fileName + "' is not a plain JAR file name (e.g. hello.jar)");
        }
        ValidationReport report = validation.validate(stagedJar, fileName);
        Optional<String> id = report.descriptor().map(PluginDescriptor::id);
        Optional<String> occupant = validation.installedPlugins().entrySet().stream()
                .filter(installed -> installed.getValue().equals(fileName) && !Optional.of(installed.getKey()).equals(id))
                .map(Map.Entry::getKey)
                .findFirst();
        if (occupant.isPresent()) {
            // replacing it would hand the other plugin's bundle, state and marks to this one
            throw new RegistryException(Kind.CONFLICT, fileName + " holds plugin '" + occupant.get() + "', and the uploaded JAR is "
                    + id.map(i -> "plugin '" + i + "'").orElse("no plugin") + "; upload it under "
                    + id.map(i -> i + ".jar").orElse("its own name") + " instead, or remove '" + occupant.get() + "' first");
        }
        Optional<String> owner = id.map(validation.installedPlugins()::get).filter(f -> !f.equals(fileName));
        if (owner.isPresent()) {
            throw new RegistryException(Kind.CONFLICT, "plugin id '" + id.get() + "' is already installed from "
                    + owner.get() + "; replace " + owner.get() + " instead of adding " + fileName);
        }
        if (!report.valid()) {
            throw new RegistryException(Kind.INVALID, fileName + " is refused: " + report.verdict(), report);
        }
        Path target = settings.deployDir().resolve(fileName);
        Instant before = Instant.now();
        boolean unchanged = records.byFile(target).isPresent() && sameContent(stagedJar, target);
        moveIntoDeployFolder(stagedJar, target);
        if (unchanged) {
            return records.byFile(target).orElseThrow(); // the deployer has nothing to do for the same bytes
        }
        return await(INSTALL_TIMEOUT, "installing " + fileName, () -> installed(target, before));
    }

    @Override
    public ValidationReport validate(Path jar) {
        return validation.validate(jar, jar.getFileName().toString());
    }

    @Override
    public DeploymentPage deployments(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new RegistryException(Kind.INVALID, "offset and limit must not be negative");
        }
        return log.page(offset, limit);
    }

    @Override
    public Map<DeploymentEvent.Type, Long> deploymentCounts() {
        return log.counts();
    }

    /** The record once the deployer has finished with the file moved in after {@code since}. */
    private Optional<PluginRecord> installed(Path target, Instant since) {
        Optional<DeploymentOutcome> outcome = outcomes.outcome(target).filter(o -> !o.at().isBefore(since));
        if (outcome.isEmpty() || outcomes.isValidating(target)) {
            return Optional.empty();
        }
        if (outcome.get().status() == Status.REFUSED) {
            throw new RegistryException(Kind.INVALID, target.getFileName() + " is refused: " + outcome.get().reason(),
                    outcome.get().report().orElse(null));
        }
        Optional<PluginRecord> record = records.byFile(target);
        Bundle bundle = context.getBundle(DeployLocations.of(target));
        // "active" means served (the gateways serve it); until then the deployment is still coming up
        if (record.isEmpty() || bundle == null
                || (pending.isPending(bundle) && record.get().state() != PluginState.ACTIVE)) {
            return Optional.empty();
        }
        PluginState state = record.get().state();
        boolean settled = state != PluginState.INSTALLED || !pluginStartLevelReached();
        return settled ? record : Optional.empty();
    }

    private boolean pluginStartLevelReached() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class).getStartLevel()
                >= settings.pluginStartLevel();
    }

    /**
     * Moves the JAR in atomically, so the watcher never sees half a file; from another file system it is
     * first copied beside its target under a hidden name the watcher ignores.
     */
    private static void moveIntoDeployFolder(Path staged, Path target) {
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Path hidden = target.resolveSibling("." + target.getFileName() + ".part");
                Files.copy(staged, hidden, StandardCopyOption.REPLACE_EXISTING);
                Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + staged + " to " + target, e);
        }
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.exists(b) && FileFingerprint.sha256(a).equals(FileFingerprint.sha256(b));
        } catch (IOException e) {
            return false;
        }
    }

    private PluginRecord require(String id) {
        return records.byId(id).orElseThrow(() -> new RegistryException(Kind.NOT_FOUND, "no plugin '" + id + "'"));
    }

    /** Polls until the condition yields a value; the deployer works on its own thread, so this only waits. */
    private static <T> T await(Duration timeout, String what, Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new RegistryException(Kind.UNAVAILABLE, what + " did not complete within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(Kind.UNAVAILABLE, what + " was interrupted");
            }
        }
    }
}
