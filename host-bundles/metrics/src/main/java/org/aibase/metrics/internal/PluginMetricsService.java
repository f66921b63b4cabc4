package org.aibase.metrics.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.aibase.api.metrics.MetricInfo;
import org.aibase.api.metrics.MetricQuery;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricsException;
import org.aibase.api.metrics.MetricsService;
import org.aibase.api.plugin.Permission;
import org.aibase.sandbox.CallingPlugin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link MetricsService} a plugin gets: one instance per consuming bundle, only for plugins that
 * hold {@code metrics.read} (a trusted plugin sees every service; the permission still decides).
 */
@Component(service = MetricsService.class, scope = ServiceScope.BUNDLE)
public final class PluginMetricsService implements MetricsService {

    private final MetricsHistory history;

    @Activate
    public PluginMetricsService(ComponentContext context, @Reference MetricsHistory history) {
        CallingPlugin plugin = CallingPlugin.of(context);
        if (!plugin.descriptor().hasPermission(Permission.METRICS_READ)) {
            throw new MetricsException(MetricsException.NOT_PERMITTED,
                    "plugin '" + plugin.id() + "' does not hold the metrics.read permission");
        }
        this.history = history;
    }

    @Override
    public List<MetricInfo> metrics() {
        return history.metrics();
    }

    @Override
    public Duration samplingInterval() {
        return history.interval();
    }

    @Override
    public Duration retention() {
        return history.retention();
    }

    @Override
    public Map<String, Map<String, Double>> latest() {
        return history.latest();
    }

    @Override
    public List<MetricSeries> query(MetricQuery query) {
        return history.query(query);
    }
}
