package org.aibase.rest.internal;

import java.util.Map;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The platform's own Jakarta REST application at {@code /api/v1}. Plugin applications live at
 * {@code /api/v1/<plugin-id>}; the servlet whiteboard routes by the longest matching prefix.
 *
 * <p>It requires the authentication filter: without the extension the whiteboard does not serve
 * the application at all, so the API is never reachable unauthenticated while bundles start.
 */
@Component(service = Application.class)
@JakartarsName(PlatformApplication.NAME)
@JakartarsApplicationBase("/api/v1")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + AuthenticationFilter.NAME + ")")
public final class PlatformApplication extends Application {

    static final String NAME = "aibase.platform";

    /**
     * Jersey properties for every application the platform registers. WADL needs JAXB, which the
     * platform does not ship: without this Jersey looks for it (and warns) on every application
     * build, and the whiteboard rebuilds applications on every deployment.
     */
    static final Map<String, Object> JERSEY_PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", Boolean.TRUE);

    @Override
    public Map<String, Object> getProperties() {
        return JERSEY_PROPERTIES;
    }

    /** Filter selecting this application, for the platform's resources. */
    static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
