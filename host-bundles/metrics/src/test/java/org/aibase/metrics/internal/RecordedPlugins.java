package org.aibase.metrics.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.validator.ValidationReport;

/** A registry that knows a fixed list of plugins: the sampler only reads it. */
final class RecordedPlugins implements PluginRegistry {

    private final List<PluginRecord> plugins;

    RecordedPlugins(List<PluginRecord> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    public List<PluginRecord> plugins() {
        return plugins;
    }

    @Override
    public Optional<PluginRecord> plugin(String id) {
        return plugins.stream().filter(p -> p.id().equals(Optional.of(id))).findFirst();
    }

    @Override
    public PluginRecord start(String id) {
        throw new UnsupportedOperationException("the metrics never start a plugin");
    }

    @Override
    public PluginRecord stop(String id) {
        throw new UnsupportedOperationException("the metrics never stop a plugin");
    }

    @Override
    public PluginRecord quarantine(String id, String reason) {
        throw new UnsupportedOperationException("the metrics never quarantine a plugin");
    }

    @Override
    public void uninstall(String id) {
        throw new UnsupportedOperationException("the metrics never uninstall a plugin");
    }

    @Override
    public PluginRecord install(String fileName, Path stagedJar) {
        throw new UnsupportedOperationException("the metrics never install a plugin");
    }

    @Override
    public ValidationReport validate(Path jar) {
        throw new UnsupportedOperationException("the metrics never validate a plugin");
    }

    @Override
    public DeploymentPage deployments(int offset, int limit) {
        throw new UnsupportedOperationException("the metrics never read the deployment log");
    }
}
