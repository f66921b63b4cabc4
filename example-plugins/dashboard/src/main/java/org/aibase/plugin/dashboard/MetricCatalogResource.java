package org.aibase.plugin.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.metrics.MetricInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/dashboard/metrics}: the metrics a widget may show, with their unit and whether
 * they are sampled per plugin, so the page's editor offers exactly what a dashboard accepts.
 */
@Component(service = MetricCatalogResource.class)
@PluginEndpoint("dashboard")
@Path("metrics")
@Produces(MediaType.APPLICATION_JSON)
public final class MetricCatalogResource {

    private final DashboardService dashboards;

    @Activate
    public MetricCatalogResource(@Reference DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = dashboards.metrics().stream().map(MetricCatalogResource::json).toList();
        return Map.of("items", items, "total", items.size());
    }

    static Map<String, Object> json(MetricInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.name());
        json.put("unit", info.unit());
        json.put("per_plugin", info.perPlugin());
        json.put("description", info.description());
        return json;
    }
}
