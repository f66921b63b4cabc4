package org.aibase.rest.internal;

/**
 * The platform's own Jakarta REST application at {@code /api/v1}: its resources are services that
 * select it by name, the whiteboard way, and the HTTP host serves them in one container. Plugin
 * applications live at {@code /api/v1/<plugin-id>}, each in a container of its own.
 */
public final class PlatformApplication {

    /** The application's name. */
    public static final String NAME = "aibase.platform";

    /** Filter selecting this application, for the platform's resources. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";

    /** The service property marking a resource (the Jakarta REST whiteboard's name); alone, it joins the root. */
    public static final String RESOURCE = "osgi.jakartars.resource=true";

    /** The service property that puts a resource into this application. */
    public static final String SELECTED = "osgi.jakartars.application.select=" + SELECT;

    private PlatformApplication() {
    }
}
