package org.aibase.rest.internal;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Replaces the whiteboard's default application at {@code /}, which serves {@code /metrics} (outside
 * {@code /api/v1}, where Prometheus looks): like the platform's own application it is served only
 * with the authentication filter. One application for both keeps the whiteboard's rebuilds, which
 * touch every application on every deployment, as few as possible.
 */
@Component(service = Application.class)
@JakartarsName(DefaultApplication.NAME)
@JakartarsApplicationBase("/")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + AuthenticationFilter.NAME + ")")
public final class DefaultApplication extends Application {

    /** The whiteboard's name of the default application. */
    static final String NAME = ".default";

    @Override
    public java.util.Map<String, Object> getProperties() {
        return PlatformApplication.JERSEY_PROPERTIES;
    }
}
