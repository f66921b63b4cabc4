package org.aibase.rest.internal;

import java.lang.reflect.InvocationHandler;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.sse.SseEventSink;

import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.WorkUnit;
import org.glassfish.jersey.process.internal.RequestScope;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Decides, once per resource method when Jersey builds a plugin's application, how the method is
 * called: through the {@link Governor} ({@link GovernedCall}), or directly for what must not be
 * governed — server-sent event streams (long-lived by nature, exempt from timeout and caps),
 * methods that suspend their own {@code AsyncResponse}, and classes that are not a plugin's.
 */
final class GovernedInvocations implements ResourceMethodInvocationHandlerProvider {

    private final Governor governor;
    private final PluginRegistry registry;
    private final GovernorSwitch governorSwitch;
    private final Supplier<RequestScope> requestScope;

    GovernedInvocations(Governor governor, PluginRegistry registry, GovernorSwitch governorSwitch,
            Supplier<RequestScope> requestScope) {
        this.governor = governor;
        this.registry = registry;
        this.governorSwitch = governorSwitch;
        this.requestScope = requestScope;
    }

    @Override
    public InvocationHandler create(Invocable method) {
        if (exempt(method)) {
            return null; // Jersey's own handler
        }
        Bundle bundle = FrameworkUtil.getBundle(method.getHandler().getHandlerClass());
        Optional<CallingPlugin> plugin = bundle == null ? Optional.empty() : CallingPlugin.of(bundle);
        if (plugin.isEmpty()) {
            return null;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        String id = plugin.get().id();
        WorkUnit unit = new WorkUnit(plugin.get().descriptor(), WorkUnit.Kind.REQUEST,
                method.getHandlingMethod().getDeclaringClass().getSimpleName() + "." + method.getHandlingMethod().getName(),
                wiring == null ? null : wiring.getClassLoader(), reason -> registry.quarantine(id, reason));
        return new GovernedCall(governor, unit, governorSwitch, requestScope.get());
    }

    private static boolean exempt(Invocable method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getSource() == Parameter.Source.SUSPENDED || SseEventSink.class.equals(parameter.getRawType())) {
                return true;
            }
        }
        return false;
    }
}
