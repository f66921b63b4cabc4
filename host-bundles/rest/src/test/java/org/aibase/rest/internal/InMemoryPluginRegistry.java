package org.aibase.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.deployer.RegistryException;
import org.aibase.sandbox.Quarantine;
import org.aibase.validator.ValidationReport;

/** A registry in memory that follows the contract's exceptions; validation is a function of the file. */
final class InMemoryPluginRegistry implements PluginRegistry {

    final Map<String, PluginRecord> plugins = new LinkedHashMap<>();
    final List<DeploymentEvent> events = new ArrayList<>();
    final List<String> installedFiles = new ArrayList<>();
    Function<Path, ValidationReport> validator = jar -> new ValidationReport(jar.getFileName().toString(),
            Optional.of(new PluginDescriptor("hello", "Hello", "1.0.0", java.util.Set.of())), List.of());

    static PluginRecord record(String id, PluginState state, long bundleId) {
        PluginDescriptor descriptor = new PluginDescriptor(id, id, "1.0.0", java.util.Set.of());
        return new PluginRecord(Optional.of(id), id + ".jar", Optional.of(descriptor), state, Optional.empty(),
                Optional.empty(), bundleId < 0 ? OptionalLong.empty() : OptionalLong.of(bundleId),
                List.of("/api/v1/" + id), Instant.parse("2026-11-21T10:00:00Z"), Optional.empty());
    }

    InMemoryPluginRegistry add(PluginRecord record) {
        plugins.put(record.id().orElseThrow(), record);
        return this;
    }

    @Override
    public List<PluginRecord> plugins() {
        return List.copyOf(plugins.values());
    }

    @Override
    public Optional<PluginRecord> plugin(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    @Override
    public PluginRecord start(String id) {
        PluginRecord r = require(id);
        if (r.state() == PluginState.REJECTED) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, "Plugin '" + id + "' was rejected");
        }
        return withState(r, PluginState.ACTIVE);
    }

    @Override
    public PluginRecord stop(String id) {
        return withState(require(id), PluginState.STOPPED);
    }

    @Override
    public PluginRecord quarantine(String id, Optional<String> reason, boolean pinned) {
        PluginRecord r = require(id);
        Instant now = Instant.now();
        Quarantine quarantine = new Quarantine(id, reason.orElse("quarantined by an operator"), now,
                pinned ? Optional.empty() : Optional.of(now.plus(java.time.Duration.ofMinutes(15))));
        PluginRecord quarantined = new PluginRecord(r.id(), r.file(), r.descriptor(), PluginState.QUARANTINED,
                Optional.of(quarantine.reason()), r.report(), r.bundleId(), List.of(), now, Optional.of(quarantine));
        plugins.put(id, quarantined);
        return quarantined;
    }

    @Override
    public void uninstall(String id) {
        require(id);
        plugins.remove(id);
    }

    @Override
    public PluginRecord install(String fileName, Path stagedJar) {
        ValidationReport report = validate(stagedJar);
        String id = report.descriptor().orElseThrow().id();
        try {
            Files.delete(stagedJar); // "moved" into the deploy folder
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        installedFiles.add(fileName);
        PluginRecord r = record(id, PluginState.ACTIVE, 42);
        plugins.put(id, r);
        return r;
    }

    @Override
    public ValidationReport validate(Path jar) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the staged JAR must exist while validating: " + jar);
        }
        return validator.apply(jar);
    }

    @Override
    public Map<DeploymentEvent.Type, Long> deploymentCounts() {
        Map<DeploymentEvent.Type, Long> counts = new java.util.EnumMap<>(DeploymentEvent.Type.class);
        events.forEach(event -> counts.merge(event.type(), 1L, Long::sum));
        return counts;
    }

    @Override
    public DeploymentPage deployments(int offset, int limit) {
        int from = Math.min(offset, events.size());
        return new DeploymentPage(events.subList(from, Math.min(events.size(), from + limit)), events.size(), offset,
                limit);
    }

    private PluginRecord require(String id) {
        return plugin(id).orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND, "No plugin " + id));
    }

    private PluginRecord withState(PluginRecord r, PluginState state) {
        PluginRecord changed = new PluginRecord(r.id(), r.file(), r.descriptor(), state, r.reason(), r.report(),
                r.bundleId(), r.endpoints(), Instant.now(), Optional.empty());
        plugins.put(r.id().orElseThrow(), changed);
        return changed;
    }
}
