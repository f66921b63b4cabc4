package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

import org.aibase.validator.DescriptorReader;
import org.aibase.validator.PluginValidator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the deploy folder and turns the JARs in it into running plugins; gives plugins with
 * {@code http} their Jakarta REST application and publishes their endpoints.
 */
@Component(immediate = true)
public final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    /** How long a deployment may take to come up (start level, whiteboard) before it is reported anyway. */
    private static final long REPORT_TIMEOUT_MILLIS = 30_000;

    private final PluginApplications applications;
    private final EndpointPublisher endpoints;
    private final WhiteboardRuntime whiteboard;
    private final PendingDeployments pending;
    private final DeployFolderWatcher watcher;

    /** Reconciles the deploy folder with the installed bundles, then watches it. */
    @Activate
    public Deployer(BundleContext context) throws IOException {
        DeployerSettings settings = DeployerSettings.from(context::getProperty);
        Files.createDirectories(settings.deployDir());
        PluginBundles plugins = new PluginBundles(new DescriptorReader());
        applications = new PluginApplications(context, plugins);
        endpoints = new EndpointPublisher(context, applications);
        whiteboard = new WhiteboardRuntime(context);
        pending = new PendingDeployments(endpoints, whiteboard, System::nanoTime, REPORT_TIMEOUT_MILLIS);
        PluginDeployer deployer = new PluginDeployer(context, settings, new PluginValidator(), plugins,
                new InstalledDigests(context.getDataFile("installed-digests.properties").toPath()),
                new DeploymentRecords(), pending);
        watcher = new DeployFolderWatcher(settings.deployDir(), deployer::process, deployer::installedFiles,
                () -> {
                    pending.recheck();
                    pending.expire();
                }, pending::waiting);
        try {
            // trackers first: plugins started by the reconciliation get their applications and endpoints
            applications.open();
            endpoints.open();
            whiteboard.open(pending::recheck);
            watcher.open();
            reconcile(deployer);
            watcher.start();
        } catch (IOException | RuntimeException e) {
            deactivate();
            throw e;
        }
        LOG.info("Deploying plugins from {} at start level {}", settings.deployDir(), settings.pluginStartLevel());
    }

    /**
     * Brings the installed bundles in line with the folder before the plugins' start level is reached:
     * new and changed files are installed or updated, bundles whose file is gone are uninstalled.
     */
    private void reconcile(PluginDeployer deployer) throws IOException {
        long now = System.nanoTime();
        Set<Path> files = new LinkedHashSet<>(watcher.deployableFiles());
        files.addAll(deployer.installedFiles());
        for (Path file : files) {
            OptionalLong again = deployer.process(file, now);
            again.ifPresent(at -> watcher.schedule(file, now, at));
        }
        deployer.forgetStaleDigests();
    }

    /** Stops watching, withdraws published endpoints and applications. */
    @Deactivate
    void deactivate() {
        watcher.close();
        whiteboard.close();
        endpoints.close();
        applications.close();
    }
}
