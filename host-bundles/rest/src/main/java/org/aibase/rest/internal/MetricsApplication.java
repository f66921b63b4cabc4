package org.aibase.rest.internal;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/** {@code /metrics}, outside {@code /api/v1} where Prometheus looks; served only with the authentication filter. */
@Component(service = Application.class)
@JakartarsName(MetricsApplication.NAME)
@JakartarsApplicationBase("/metrics")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + AuthenticationFilter.NAME + ")")
public final class MetricsApplication extends Application {

    static final String NAME = "aibase.metrics";
}
