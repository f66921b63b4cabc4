package org.aibase.metrics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.aibase.api.metrics.MetricInfo;
import org.aibase.api.metrics.MetricQuery;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricsException;
import org.aibase.api.metrics.MetricsService;
import org.aibase.deployer.PluginRegistry;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.LlmUsage;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.PluginLimits;
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
 * The platform's metrics history: samples every metric of {@link MetricCatalog} at the configured
 * interval into the platform database, deletes samples past the retention hourly, and answers
 * queries. Plugins reach it through their own {@link PluginMetricsService}.
 */
@Component(service = MetricsHistory.class, configurationPid = MetricsConfiguration.PID)
@Designate(ocd = MetricsConfiguration.class)
public final class MetricsHistory {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsHistory.class);

    private final MetricStore store;
    private final PluginRegistry registry;
    private final Governor governor;
    private final PluginLimits limits;
    private final ScheduledExecutorService scheduler;
    private volatile Duration interval;
    private volatile Duration retention;
    private volatile Map<String, Map<String, Double>> latest = Map.of();
    private ScheduledFuture<?> sampling;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmUsage llm;

    // optional: the other figures are sampled without storage or jobs (e.g. while their database is unreachable)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageUsage storage;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;

    @Activate
    public MetricsHistory(MetricsConfiguration configuration, @Reference PluginRegistry registry,
            @Reference Governor governor, @Reference PluginLimits limits,
            @Reference(service = DataSource.class, target = "(aibase.database=platform)")
            Map.Entry<Map<String, Object>, DataSource> database) {
        this.registry = registry;
        this.governor = governor;
        this.limits = limits;
        this.store = new MetricStore(database.getValue(), Dialect.of(database.getKey().get("aibase.database.dialect")));
        store.createSchema();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                PlatformThreads.named("aibase-metrics-sampler", MetricsHistory.class.getClassLoader()));
        configure(configuration);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    @Modified
    void modified(MetricsConfiguration configuration) {
        configure(configuration);
    }

    private synchronized void configure(MetricsConfiguration c) {
        if (c.interval_seconds() < 1 || c.interval_seconds() > 3600) {
            throw new IllegalArgumentException(MetricsConfiguration.PID + ": interval.seconds must be 1 to 3600, got "
                    + c.interval_seconds());
        }
        if (c.retention_days() < 1 || c.retention_days() > 3650) {
            throw new IllegalArgumentException(MetricsConfiguration.PID + ": retention.days must be 1 to 3650, got "
                    + c.retention_days());
        }
        interval = Duration.ofSeconds(c.interval_seconds());
        retention = Duration.ofDays(c.retention_days());
        if (sampling != null) {
            sampling.cancel(false);
        }
        // the first sample at once, so figures exist right after start
        sampling = scheduler.scheduleAtFixedRate(this::sampleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("metrics: sampling every {} s, kept {} days", c.interval_seconds(), c.retention_days());
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void sampleSafely() {
        try {
            sampleNow();
        } catch (RuntimeException e) {
            // the next sampling tries again; a database outage must not end the schedule
            LOG.warn("metrics: sampling failed: {}", e.getMessage());
        }
    }

    /** Takes one sample of every metric and stores it. */
    void sampleNow() {
        JobStatistics jobStatistics = jobs;
        UsageSamples usage = new UsageSamples(governor, limits, storage,
                jobStatistics == null ? null : jobStatistics.countsByPlugin());
        List<Sample> samples = PlatformSampler.sample(registry.plugins(), usage, llm);
        store.insert(System.currentTimeMillis(), samples);
        latest = byPlugin(samples);
    }

    private void prune() {
        try {
            int deleted = store.deleteBefore(System.currentTimeMillis() - retention.toMillis());
            if (deleted > 0) {
                LOG.info("metrics: deleted {} samples older than {} days", deleted, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics: pruning failed: {}", e.getMessage());
        }
    }

    private static Map<String, Map<String, Double>> byPlugin(Collection<Sample> samples) {
        Map<String, Map<String, Double>> map = new TreeMap<>();
        for (Sample s : samples) {
            map.computeIfAbsent(s.plugin(), p -> new LinkedHashMap<>()).put(s.metric(), s.value());
        }
        map.replaceAll((plugin, values) -> Map.copyOf(values));
        return Map.copyOf(map);
    }

    List<MetricInfo> metrics() {
        return MetricCatalog.ALL;
    }

    Duration interval() {
        return interval;
    }

    Duration retention() {
        return retention;
    }

    Map<String, Map<String, Double>> latest() {
        return latest;
    }

    List<MetricSeries> query(MetricQuery query) {
        return query(store, query);
    }

    /** Checks a query and answers it from a store. */
    static List<MetricSeries> query(MetricStore store, MetricQuery query) {
        MetricInfo metric = MetricCatalog.find(query.metric()).orElseThrow(() -> new MetricsException(
                MetricsException.INVALID_QUERY, "unknown metric '" + query.metric() + "' (known: "
                        + String.join(", ", MetricCatalog.ALL.stream().map(MetricInfo::name).toList()) + ")"));
        if (query.from().isAfter(query.to())) {
            throw new MetricsException(MetricsException.INVALID_QUERY,
                    "the range starts (" + query.from() + ") after it ends (" + query.to() + ")");
        }
        Instant to = query.to();
        List<MetricSeries> series = SeriesBuilder.series(metric, query.step(),
                store.buckets(metric.name(), metric.perPlugin() ? query.plugin() : java.util.Optional.of(MetricsService.SYSTEM),
                        query.from(), to, query.step()));
        return new ArrayList<>(series);
    }
}
