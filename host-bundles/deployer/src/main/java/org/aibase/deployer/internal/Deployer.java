package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginGateway;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.QuarantineKeeper;
import org.aibase.sandbox.Quarantines;
import org.aibase.validator.ValidationReport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the deploy folder and turns the JARs in it into running plugins; is the plugin registry and
 * the keeper of the quarantine policy's decisions (it stops, marks and starts plugins). The plugins'
 * gateways (the HTTP host) hold a plugin's calls while it changes, and a plugin is {@code active} once
 * they serve it.
 */
@Component(service = { PluginRegistry.class, QuarantineKeeper.class }, immediate = true,
        configurationPid = DeployerConfiguration.PID)
@Designate(ocd = DeployerConfiguration.class)
public final class Deployer implements PluginRegistry, QuarantineKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    /** How long a deployment may take to come up (start level, being served) before it is reported anyway. */
    private static final long REPORT_TIMEOUT_MILLIS = 30_000;

    private final PendingDeployments pending;
    private final PluginTransitions transitions;
    private final PluginValidation validation;
    private final DeploymentLog log;
    private final DeployFolderWatcher watcher;
    private final DeployedPlugins registry;
    private final QuarantinedPlugins quarantined;

    @Reference(service = PluginGateway.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<PluginGateway> gateways = List.of();

    // optional: the sandbox's policy (which calls back into this keeper) may come and go without taking the deployer along
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Quarantines quarantines;

    /** Reconciles the deploy folder with the installed bundles, then watches it. */
    @Activate
    public Deployer(BundleContext context, DeployerConfiguration configuration, @Reference TrustedPlugins trusted,
                    @Reference PluginConfigurations configurations) throws IOException {
        this(context, configuration, trusted, configurations::rollback);
    }

    /** {@code rollbacks}: why a plugin's last configuration change was rolled back, if it was. */
    Deployer(BundleContext context, DeployerConfiguration configuration, TrustedPlugins trusted,
             Function<String, Optional<String>> rollbacks) throws IOException {
        DeployerOptions options = DeployerOptions.from(configuration);
        DeployerSettings settings = DeployerSettings.from(context::getProperty);
        Files.createDirectories(settings.deployDir());
        DeployLocations locations = new DeployLocations(settings.deployDir());
        PluginBundles plugins = new PluginBundles();
        log = new DeploymentLog(settings.home().resolve("data").resolve("deployments.log"), options.logMaxBytes(),
                options.logFiles());
        Gateways served = new Gateways(() -> gateways);
        transitions = new PluginTransitions(context, locations, plugins, log);
        pending = new PendingDeployments(served, transitions, System::nanoTime, REPORT_TIMEOUT_MILLIS);
        validation = new PluginValidation(context, locations, plugins, options, trusted::ids);
        PluginMarks marks = new PluginMarks(context.getDataFile("plugin-marks.properties").toPath());
        DeploymentRecords records = new DeploymentRecords();
        PluginDeployer.Collaborators with = new PluginDeployer.Collaborators(validation, plugins,
                new InstalledDigests(context.getDataFile("installed-digests.properties").toPath()), records, pending,
                marks, transitions, log, served);
        PluginDeployer deployer = new PluginDeployer(context, settings, with);
        PluginRecords known = new PluginRecords(context, locations, plugins, records, marks, transitions, served,
                rollbacks);
        PluginSwitch switches = new PluginSwitch(context, transitions, log, served);
        registry = new DeployedPlugins(context, settings, known, with, switches, () -> quarantines);
        quarantined = new QuarantinedPlugins(known, marks, switches);
        watcher = new DeployFolderWatcher(settings.deployDir(), deployer::process, deployer::installedFiles,
                () -> {
                    pending.recheck();
                    pending.expire();
                }, pending::waiting);
        try {
            transitions.open();
            watcher.open();
            reconcile(deployer);
            watcher.start();
        } catch (IOException | RuntimeException e) {
            deactivate();
            throw e;
        }
        LOG.info("Deploying plugins from {} at start level {}", settings.deployDir(), settings.pluginStartLevel());
    }

    /** Takes a changed configuration without redeploying anything: it applies to the next validation. */
    @Modified
    void modified(DeployerConfiguration configuration) {
        DeployerOptions options = DeployerOptions.from(configuration);
        validation.configure(options);
        log.resize(options.logMaxBytes(), options.logFiles());
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

    /** Stops watching. */
    @Deactivate
    void deactivate() {
        watcher.close();
        transitions.close();
    }

    @Override
    public List<PluginRecord> plugins() {
        return registry.plugins();
    }

    @Override
    public Optional<PluginRecord> plugin(String id) {
        return registry.plugin(id);
    }

    @Override
    public PluginRecord start(String id) {
        return registry.start(id);
    }

    @Override
    public PluginRecord stop(String id) {
        return registry.stop(id);
    }

    @Override
    public PluginRecord quarantine(String id, Optional<String> reason, boolean pinned) {
        return registry.quarantine(id, reason, pinned);
    }

    @Override
    public void quarantine(Quarantine quarantine) {
        quarantined.quarantine(quarantine);
    }

    @Override
    public void lift(Quarantine quarantine) {
        quarantined.lift(quarantine);
    }

    @Override
    public Optional<Quarantine> quarantine(String pluginId) {
        return quarantined.quarantine(pluginId);
    }

    @Override
    public List<Quarantine> quarantines() {
        return quarantined.quarantines();
    }

    @Override
    public void uninstall(String id) {
        registry.uninstall(id);
    }

    @Override
    public PluginRecord install(String fileName, Path stagedJar) {
        return registry.install(fileName, stagedJar);
    }

    @Override
    public ValidationReport validate(Path jar) {
        return registry.validate(jar);
    }

    @Override
    public DeploymentPage deployments(int offset, int limit) {
        return registry.deployments(offset, limit);
    }

    @Override
    public Map<DeploymentEvent.Type, Long> deploymentCounts() {
        return registry.deploymentCounts();
    }
}
