package org.aibase.sandbox.internal;

import org.aibase.api.http.HttpCall;
import org.aibase.api.http.HttpResult;
import org.aibase.api.http.OutboundHttp;
import org.aibase.sandbox.CallingPlugin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each plugin's own {@link OutboundHttp}; visible only to plugins with {@code network} (see {@link ServiceGrants}). */
@Component(service = OutboundHttp.class, scope = ServiceScope.BUNDLE, configurationPid = SandboxConfiguration.PID)
public final class OutboundHttpService implements OutboundHttp {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundHttpService.class);

    private final String pluginId;
    private final PluginHttpClient client;

    /** Serves the plugin that uses this instance. */
    @Activate
    public OutboundHttpService(ComponentContext context, SandboxConfiguration configuration) {
        CallingPlugin plugin = CallingPlugin.of(context);
        this.pluginId = plugin.id();
        this.client = new PluginHttpClient(plugin.descriptor(),
                PlatformDefaults.from(configuration).effective(plugin.descriptor().limits()).timeout().orElseThrow(),
                PluginThreads.of(plugin.id() + "-http", null));
    }

    @Deactivate
    void deactivate() {
        client.close();
        LOG.debug("Outbound HTTP of plugin {} closed: {}", pluginId, client.usage());
    }

    @Override
    public HttpResult send(HttpCall call) {
        return client.send(call);
    }
}
