package org.aibase.sandbox;

import java.util.Objects;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;

/**
 * The plugin a per-plugin facade serves. Shared services are DS components with
 * {@code scope = ServiceScope.BUNDLE}: the framework creates one instance per consuming bundle and
 * tells it which bundle that is, so the identity cannot be spoofed by the plugin.
 *
 * <pre>
 * &#64;Component(service = LlmService.class, scope = ServiceScope.BUNDLE)
 * public final class PluginLlm implements LlmService {
 *     &#64;Activate
 *     public PluginLlm(ComponentContext context) {
 *         this.plugin = CallingPlugin.of(context); // refuses a bundle that is not a plugin
 *     }
 * }
 * </pre>
 *
 * @param bundle the plugin's bundle
 * @param descriptor its descriptor
 */
public record CallingPlugin(Bundle bundle, PluginDescriptor descriptor) {

    /** The code of the exception thrown for a consumer that is not a plugin. */
    public static final String NOT_A_PLUGIN = "not_a_plugin";

    /** Creates a calling plugin. */
    public CallingPlugin {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * The plugin using a bundle-scoped component.
     *
     * @throws PluginException {@value #NOT_A_PLUGIN} when the using bundle is not a plugin (or its
     *         descriptor cannot be read): platform bundles use the platform's own services
     * @throws IllegalStateException when the component is not bundle- or prototype-scoped
     */
    public static CallingPlugin of(ComponentContext context) {
        Bundle using = context.getUsingBundle();
        if (using == null) {
            throw new IllegalStateException("not a bundle-scoped component: there is no using bundle");
        }
        return of(using).orElseThrow(() -> new PluginException(NOT_A_PLUGIN,
                "bundle " + using.getSymbolicName() + " [" + using.getBundleId() + "] is not a plugin; "
                        + "this service serves plugins only"));
    }

    /** The plugin a bundle is, if it is one with a readable descriptor. */
    public static Optional<CallingPlugin> of(Bundle bundle) {
        return PluginDescriptors.of(bundle).map(descriptor -> new CallingPlugin(bundle, descriptor));
    }

    /** The plugin id. */
    public String id() {
        return descriptor.id();
    }
}
