package org.aibase.rest.internal.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests that arrived while their plugin was changing: parked (asynchronous, no thread held)
 * until the plugin is served again or gone. Once released, nothing more is parked here; a request
 * that finds it released looks up the route again.
 */
final class HeldCalls {

    private final List<PluginCall> held = new ArrayList<>();
    private boolean released;

    /** Parks a call; false when these calls were released meanwhile. */
    synchronized boolean park(PluginCall call) {
        if (released) {
            return false;
        }
        held.add(call);
        return true;
    }

    /** Takes one call out (its deadline passed); false when it was released already. */
    synchronized boolean remove(PluginCall call) {
        return held.remove(call);
    }

    /** Ends the hold: the calls parked so far, in arrival order, for their next step. */
    synchronized List<PluginCall> release() {
        released = true;
        List<PluginCall> calls = new ArrayList<>(held);
        held.clear();
        return calls;
    }
}
