package org.aibase.deployer;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * A way in to plugins that serves their calls: the HTTP host registers one. The deployer tells every
 * gateway before it stops, updates or removes a plugin, so calls in flight finish and calls arriving
 * meanwhile wait for the new revision instead of failing; and it reports a plugin {@code active}
 * only once every gateway serves its started revision.
 */
@ConsumerType
public interface PluginGateway {

    /**
     * Holds the plugin's new calls and returns once the calls in flight have finished (each is
     * bounded by the plugin's {@code limits.timeout}; long-lived streams are closed instead). Held
     * calls wait until {@link #release}, at most the plugin's timeout.
     */
    void hold(String pluginId);

    /**
     * The deployer is done changing the plugin: held calls go to its new revision once that is
     * served, or get the answer for its state (stopped, failed, removed) if it does not come back.
     */
    void release(String pluginId);

    /**
     * Completes when the bundle's current revision is served through this gateway; at once when the
     * gateway has nothing to serve of it (e.g. a plugin without {@code http}). Completes
     * exceptionally, with a message for people, when the revision cannot be served.
     */
    CompletionStage<Void> served(Bundle plugin);

    /** Whether the bundle's current revision is served now (or there is nothing to serve of it). */
    boolean serves(Bundle plugin);
}
