package org.aibase.jobs.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.jobs.JobStatus;
import org.aibase.jobs.JobStatistics;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job platform of this node: the store in the platform database, the engine, and the
 * whiteboard of plugins' {@link JobHandler} services.
 */
@Component(service = { JobPlatform.class, JobStatistics.class }, configurationPid = JobsConfiguration.PID)
@Designate(ocd = JobsConfiguration.class)
public final class JobPlatform implements JobStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(JobPlatform.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final JobEngine engine;
    private final PluginLimits limits;
    private final Governor governor;
    private final Map<ServiceReference<JobHandler>, HandlerRegistration> registrations = new ConcurrentHashMap<>();

    @Activate
    public JobPlatform(BundleContext context, JobsConfiguration configuration, @Reference PluginLimits limits,
            @Reference Governor governor,
            @Reference(service = DataSource.class, target = "(aibase.database=platform)")
            Map.Entry<Map<String, Object>, DataSource> database) {
        this.limits = limits;
        this.governor = governor;
        Dialect dialect = Dialect.of(database.getKey().get("aibase.database.dialect"));
        JobStore store = new JobStore(database.getValue(), dialect);
        store.createSchema();
        String home = Optional.ofNullable(context.getProperty("aibase.home")).orElse(System.getProperty("user.dir"));
        String node = NodeId.of(Path.of(home));
        this.engine = new JobEngine(store, node, settings(configuration), Clock.systemUTC());
        engine.start();
        LOG.info("jobs: node {} on {} ({} lease renewal, expiry after {})", node, dialect.name().toLowerCase(),
                JobEngine.human(settings(configuration).leaseRenewal()), JobEngine.human(settings(configuration).leaseExpiry()));
    }

    @Modified
    void modified(JobsConfiguration configuration) {
        engine.settings(settings(configuration));
    }

    @Deactivate
    void deactivate() {
        engine.close(STOP_GRACE);
    }

    static EngineSettings settings(JobsConfiguration c) {
        return new EngineSettings(Duration.ofMillis((long) (c.lease_renewal_seconds() * 1000)),
                Duration.ofMillis((long) (c.lease_expiry_seconds() * 1000)), Duration.ofMillis(c.poll_interval_millis()));
    }

    @Reference(service = JobHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ServiceReference<JobHandler> reference, JobHandler handler) {
        Optional<CallingPlugin> plugin = CallingPlugin.of(reference.getBundle());
        if (plugin.isEmpty()) {
            LOG.warn("bundle {} registers a JobHandler but is not a plugin; ignored", reference.getBundle().getSymbolicName());
            return;
        }
        BundleWiring wiring = reference.getBundle().adapt(BundleWiring.class);
        try {
            HandlerRegistration registration = HandlerRegistration.of(plugin.get().id(),
                    new GovernedJobHandler(handler, governor, plugin.get().descriptor()),
                    wiring == null ? null : wiring.getClassLoader(), properties(reference),
                    () -> JobLimits.of(limits.effective(plugin.get().descriptor())));
            if (engine.register(registration)) {
                registrations.put(reference, registration);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("plugin {}: JobHandler ignored: {}", plugin.get().id(), e.getMessage());
        }
    }

    void removeHandler(ServiceReference<JobHandler> reference) {
        HandlerRegistration registration = registrations.remove(reference);
        if (registration != null) {
            engine.unregister(registration);
        }
    }

    private static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    JobEngine engine() {
        return engine;
    }

    @Override
    public Map<String, Map<JobStatus, Long>> countsByPlugin() {
        return engine.store().countsByPlugin(Optional.empty());
    }

    @Override
    public List<Job> latestFailures(int limit) {
        return engine.store().latestFailures(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public String nodeId() {
        return engine.node();
    }

    @Override
    public Optional<Job> job(String id) {
        return engine.store().find(id);
    }

    @Override
    public Optional<Job> jobSubmittedBy(String id, String requester) {
        return engine.store().findSubmittedBy(id, requester);
    }

    @Override
    public int runningHere() {
        return engine.runningCount();
    }
}
