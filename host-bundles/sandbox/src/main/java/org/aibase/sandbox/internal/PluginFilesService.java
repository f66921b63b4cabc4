package org.aibase.sandbox.internal;

import java.nio.file.Path;
import java.util.List;

import org.aibase.api.files.PluginFiles;
import org.aibase.api.files.PluginFilesException;
import org.aibase.api.plugin.Permission;
import org.aibase.sandbox.CallingPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Each plugin's own {@link PluginFiles}, confined to {@code <aibase.home>/data/plugins/<id>/};
 * visible only to plugins with {@code files} (see {@link ServiceGrants}).
 */
@Component(service = PluginFiles.class, scope = ServiceScope.BUNDLE, configurationPid = SandboxConfiguration.PID)
public final class PluginFilesService implements PluginFiles {

    private final PluginFolder folder;

    /** Serves the plugin that uses this instance. */
    @Activate
    public PluginFilesService(BundleContext context, ComponentContext component, SandboxConfiguration configuration) {
        CallingPlugin plugin = CallingPlugin.of(component);
        if (!plugin.descriptor().hasPermission(Permission.FILES)) {
            // a trusted plugin sees every service; the permission still decides
            throw new PluginFilesException(PluginFilesException.NOT_PERMITTED,
                    "plugin '" + plugin.id() + "' does not hold the files permission");
        }
        long quota = PlatformDefaults.from(configuration).effective(plugin.descriptor().limits()).storageBytes().orElseThrow();
        this.folder = new PluginFolder(folderOf(context.getProperty("aibase.home"), plugin.id()), quota);
    }

    /** Where a plugin's files live. */
    static Path folderOf(String home, String pluginId) {
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(home.strip());
        return base.resolve("data").resolve("plugins").resolve(pluginId).toAbsolutePath().normalize();
    }

    @Override
    public byte[] read(String name) {
        return folder.read(name);
    }

    @Override
    public void write(String name, byte[] content) {
        folder.write(name, content);
    }

    @Override
    public List<String> list(String dir) {
        return folder.list(dir);
    }

    @Override
    public boolean delete(String name) {
        return folder.delete(name);
    }

    @Override
    public long usedBytes() {
        return folder.usedBytes();
    }
}
