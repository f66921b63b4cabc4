package org.aibase.rest.internal.host;

import java.util.List;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.RequestMeter;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * A plugin's application as it is served: the Jersey container built from one revision of the
 * plugin's bundle, with what the governor needs to run its requests.
 *
 * @param revision the bundle revision the container was built from: an update makes a new one
 * @param loader the plugin's class loader, the context class loader of its requests
 * @param meter what its requests answered
 * @param endpoints the endpoint services it was built with: a service replaced by another (SCR
 *        re-registers a reconfigured component) is a change even when their number stays
 */
record PluginApplication(String id, Bundle bundle, BundleRevision revision, PluginDescriptor descriptor,
        JerseyContainer container, ClassLoader loader, RequestMeter meter, List<ServiceReference<?>> endpoints) {
}
