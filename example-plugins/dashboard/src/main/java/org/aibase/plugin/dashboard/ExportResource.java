package org.aibase.plugin.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.aibase.api.export.ExportException;
import org.aibase.api.http.HttpError;
import org.aibase.api.http.PluginEndpoint;
import org.aibase.plugin.dashboard.internal.ExportRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/dashboard/export?format=xlsx&data_type=metrics&time_range=1h}: the file itself,
 * with its content type and a {@code Content-Disposition} file name. The query takes the fields of
 * the {@code export_data} task ({@code metrics} comma-separated).
 */
@Component(service = ExportResource.class)
@PluginEndpoint("dashboard")
@Path("export")
public final class ExportResource {

    private final DashboardService dashboards;

    @Activate
    public ExportResource(@Reference DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    public Response download(@Context UriInfo uri) {
        Map<String, Object> fields = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> fields.put(key, values.get(0)));
        ExportRequest.Parsed parsed = ExportRequest.parse(fields, "", dashboards.dataSources());
        if (parsed.request().isEmpty()) {
            throw ApiErrors.invalid(parsed.problems());
        }
        ExportRequest r = parsed.request().get();
        try {
            ExportFile file = dashboards.export(r.format(), r.dataType(), r.range(), r.metrics(), r.plugin(), r.reportType());
            return Response.ok(file.bytes(), file.format().mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                    .header("Cache-Control", "no-store").build();
        } catch (ExportException e) {
            throw new HttpError(422, e.code(), e.getMessage());
        }
    }

    /** The download URL of an export the task made. */
    static String downloadUrl(ExportRequest r) {
        StringBuilder url = new StringBuilder("/api/v1/dashboard/export?format=").append(r.format().id())
                .append("&data_type=").append(r.dataType()).append("&time_range=").append(r.range().id());
        if (r.dataType().equals("metrics")) {
            url.append("&metrics=").append(URLEncoder.encode(String.join(",", r.metrics()), StandardCharsets.UTF_8));
        }
        r.plugin().ifPresent(p -> url.append("&plugin=").append(p));
        if (r.dataType().equals("report")) {
            url.append("&report_type=").append(r.reportType());
        }
        return url.toString();
    }
}
