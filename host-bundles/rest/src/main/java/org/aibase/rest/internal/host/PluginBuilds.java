package org.aibase.rest.internal.host;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.aibase.sandbox.PlatformThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where plugins' applications are built: one plugin's builds one after another, different plugins'
 * side by side. A build activates the plugin's components (it gets their services), which runs
 * plugin code: a plugin whose constructor blocks holds up its own builds only, not another plugin's
 * deployment nor the host's timers (measured on one shared thread: a plugin sleeping 30 s in its
 * endpoint's constructor delayed the next plugin's first 200 by 29 s).
 */
final class PluginBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(PluginBuilds.class);

    /**
     * A thread ends with its build: what a build leaves on its thread (the thread-locals of the plugin's
     * code and of Jersey's start, which can hold the plugin's classes) must not outlive it and keep an
     * updated plugin's old class loader reachable, as an idle pooled thread would for a minute.
     */
    private final ExecutorService threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 0, TimeUnit.SECONDS,
            new SynchronousQueue<>(), PlatformThreads.named("aibase-http-build", PluginBuilds.class.getClassLoader()));
    /** The last build queued for each bundle, by bundle id; gone once it has run. */
    private final Map<Long, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    /** Runs the build after the bundle's builds queued before it. */
    void execute(long bundleId, Runnable build) {
        // after the previous one however it ended; once closed, the executor refuses and the chain ends
        CompletableFuture<Void> queued = last.compute(bundleId, (id, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null) : previous).handleAsync((done, failure) -> {
                    run(bundleId, build);
                    return null;
                }, threads));
        queued.whenComplete((done, failure) -> last.remove(bundleId, queued));
    }

    private void run(long bundleId, Runnable build) {
        try {
            build.run();
        } catch (RuntimeException e) {
            if (threads.isShutdown()) { // the host is going: e.g. its timer refused a retry
                LOG.debug("Building the application of bundle {} ended with the host: {}", bundleId, e.toString());
            } else { // the next build of the bundle still runs
                LOG.error("Building the application of bundle {} failed", bundleId, e);
            }
        }
    }

    /** Stops building: a build under way is interrupted, queued ones are dropped. */
    void close() {
        threads.shutdownNow();
    }
}
