package org.aibase.rest.internal;

import java.util.Dictionary;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Makes {@code --port} and {@code --host} beat a configuration of Felix HTTP: without it a port
 * in {@code config/org.apache.felix.http.cfg} would silently win over the command line. The launcher
 * passes only flags that were actually given as {@code aibase.flag.port} / {@code aibase.flag.host}.
 */
@Component(property = {
        ConfigurationPlugin.CM_TARGET + "=org.apache.felix.http",
        // the last plugin allowed to modify (0..1000), so the flag has the final word
        ConfigurationPlugin.CM_RANKING + ":Integer=1000" })
public final class CommandLineHttpFlags implements ConfigurationPlugin {

    static final String PORT_FLAG = "aibase.flag.port";
    static final String HOST_FLAG = "aibase.flag.host";

    private final String port;
    private final String host;

    @Activate
    public CommandLineHttpFlags(BundleContext context) {
        this.port = context.getProperty(PORT_FLAG);
        this.host = context.getProperty(HOST_FLAG);
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        if (port != null) {
            properties.put("org.osgi.service.http.port", port);
        }
        if (host != null) {
            properties.put("org.apache.felix.http.host", host);
        }
    }
}
