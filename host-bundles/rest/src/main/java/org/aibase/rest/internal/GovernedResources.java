package org.aibase.rest.internal;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.Governor;
import org.glassfish.jersey.InjectionManagerProvider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.process.internal.RequestScope;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Puts every plugin application's resource methods under the {@link Governor}. Jersey looks up
 * {@link ResourceMethodInvocationHandlerProvider}s from its injection manager, which a feature
 * reaches through a binder: the interface is no JAX-RS contract, so registering the provider itself
 * would be ignored.
 */
@Component(service = Feature.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("aibase.governor")
@JakartarsApplicationSelect(PluginRequests.PLUGIN_APPLICATIONS)
public final class GovernedResources implements Feature {

    private final Governor governor;
    private final PluginRegistry registry;
    private final GovernorSwitch governorSwitch;

    @Activate
    public GovernedResources(@Reference Governor governor, @Reference PluginRegistry registry,
            @Reference GovernorSwitch governorSwitch) {
        this.governor = governor;
        this.registry = registry;
        this.governorSwitch = governorSwitch;
    }

    @Override
    public boolean configure(FeatureContext context) {
        // each application has its own request scope, which the governor's threads must enter
        InjectionManager injections = InjectionManagerProvider.getInjectionManager(context);
        GovernedInvocations invocations = new GovernedInvocations(governor, registry, governorSwitch,
                () -> injections.getInstance(RequestScope.class));
        context.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(invocations).to(ResourceMethodInvocationHandlerProvider.class);
            }
        });
        return true;
    }
}
