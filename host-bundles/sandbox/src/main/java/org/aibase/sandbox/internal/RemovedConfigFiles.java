package org.aibase.sandbox.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, at start, each configuration that Felix FileInstall made from a file under {@code config/}
 * that is no longer there. FileInstall deletes a configuration when its file goes while the runtime runs,
 * but not always when the file went while the runtime was stopped (a plugin's configuration, which the
 * platform binds to the plugin's bundle, stays): the operator who removed {@code aibase.plugin.<id>.cfg}
 * or {@code org.aibase.rest.governor.cfg} would find its values still in force after the restart, with
 * no file left that says so.
 */
@Component(immediate = true)
public final class RemovedConfigFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RemovedConfigFiles.class);
    /** Where FileInstall records the file a configuration came from (a {@code file:} URI). */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";

    @Activate
    public RemovedConfigFiles(@Reference ConfigurationAdmin admin) {
        Configuration[] fromFiles;
        try {
            fromFiles = admin.listConfigurations("(" + FILE_PROPERTY + "=*)");
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Cannot list the configurations made from files under config/: {}", e.toString());
            return;
        }
        for (Configuration configuration : fromFiles == null ? new Configuration[0] : fromFiles) {
            try {
                String pid = configuration.getPid();
                Dictionary<String, Object> properties = configuration.getProperties();
                Object file = properties == null ? null : properties.get(FILE_PROPERTY);
                Path path = file == null ? null : path(file.toString());
                if (path != null && !Files.exists(path)) {
                    configuration.delete();
                    LOG.info("Configuration {} came from {}, which is gone: deleted, its defaults apply", pid, path);
                }
            } catch (IOException | IllegalStateException e) {
                // FileInstall deleted it meanwhile (a file that went while it ran)
                LOG.debug("A configuration made from a file was deleted meanwhile: {}", e.toString());
            }
        }
    }

    private static Path path(String uri) {
        try {
            return Path.of(URI.create(uri));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null; // not a file this runtime can look at: left as it is
        }
    }
}
