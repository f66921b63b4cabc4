package org.aibase.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a Jakarta REST resource (or extension: a filter, an exception mapper, a
 * message body reader or writer) of the plugin with the given id, served under
 * {@code /api/v1/<id>/}.
 *
 * <p>It sets the service property {@value #PROPERTY}{@code =<id>}. The platform serves such a
 * service in the plugin's own Jakarta REST application only when the id is the registering
 * plugin's own id and the plugin holds the {@code http} permission, so no plugin answers in
 * another's URL space. A singleton component serves every request with one instance; a
 * {@code PROTOTYPE}-scoped resource gets a fresh instance per request (for per-request state),
 * at the cost of creating one each time.
 *
 * <p>An endpoint that only some callers may use says so with {@code @RolesAllowed("admin")}
 * ({@code jakarta.annotation.security}) on its class or method: the platform answers other callers
 * 403. Every caller holds {@code user}; admin keys hold {@code admin} too.
 *
 * <pre>
 * &#64;Component(service = GreetingResource.class)
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
