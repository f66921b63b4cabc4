package org.aibase.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a Jakarta REST resource of the plugin with the given id, served under
 * {@code /api/v1/<id>/}.
 *
 * <p>It sets the service property {@value #PROPERTY}{@code =<id>}. The platform publishes such a
 * service into the plugin's own Jakarta REST application {@code aibase.<id>} only when the id is
 * the registering plugin's own id and the plugin holds the {@code http} permission; an annotation
 * cannot compute the whiteboard's application filter from the id, and publishing through the
 * platform is also what keeps one plugin out of another's URL space.
 *
 * <pre>
 * &#64;Component(service = GreetingResource.class, scope = ServiceScope.PROTOTYPE)
 * &#64;PluginEndpoint("hello")
 * &#64;Path("greeting")
 * public final class GreetingResource { ... }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginEndpoint {

    /** The service property that carries the plugin id. */
    String PROPERTY = "aibase.plugin.endpoint";

    /** Maps the single element to {@value #PROPERTY} instead of a name derived from the type. */
    String PREFIX_ = "aibase.";

    /**
     * The id of the plugin this resource belongs to; must equal the {@code id} of its
     * {@code plugin.yaml}.
     *
     * @return the plugin id
     */
    String value();
}
