package org.aibase.isolation.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.aibase.isolation.child.ChildProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;

/**
 * Starts the JVMs of isolated plugins, each from the spare when it fits. The spare is a JVM started
 * ahead without a plugin, with the JVM options of the last one started (heap, processors, address
 * space, class-data archive); it served an empty application, so Felix, its bundles and Jersey are
 * loaded and warm. Given a plugin on its standard input ({@link ChildProtocol.Assignment}), it serves
 * it in a few hundred milliseconds, where a JVM started for it takes over a second (see
 * bench/results/isolated.md). After a JVM serves, the class-data archive is recorded if it is missing,
 * and then the next spare starts, so neither slows a plugin's start. At most one spare waits: one idle
 * JVM while isolated plugins run, unless the operator goes without ({@link IsolationConfiguration#spare_jvm()}).
 */
final class ChildLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ChildLauncher.class);
    private static final String SPARE_PREFIX = "spare-";
    /** How many calls a spare's empty application serves at once; its plugin's host has the plugin's number. */
    private static final int SPARE_THREADS = 1;
    /** A spare that does not serve this long after its start ends (the next JVM that serves starts another). */
    private static final Duration SPARE_START_LIMIT = Duration.ofSeconds(60);

    private final Path folder;
    private final Path spareConfiguration;
    private final ClassDataArchive classData;
    private final Function<List<String>, ChildProcess.Launch> recorderLaunches;
    private final OkHttpClient http;
    private final Executor waits;
    private final AtomicLong spares = new AtomicLong();
    private ChildProcess spare;
    private ChildProcess.Launch spareLaunch;
    private boolean closed;
    private boolean keepSpare;

    /**
     * @param folder where plugins' JVMs keep their JAR, configuration and framework cache (a cache goes when its
     *        JVM ends), emptied now
     * @param recorderLaunches the launch of the JVM that records the class-data archive, for its options
     * @param waits where waits for a JVM's end take a thread
     * @param keepSpare whether a spare is kept (see {@link #keepSpare(boolean)})
     */
    ChildLauncher(Path folder, ClassDataArchive classData, Function<List<String>, ChildProcess.Launch> recorderLaunches,
            OkHttpClient http, Executor waits, boolean keepSpare) throws IOException {
        this.keepSpare = keepSpare;
        this.folder = folder;
        this.classData = classData;
        this.recorderLaunches = recorderLaunches;
        this.http = http;
        this.waits = waits;
        Files.createDirectories(folder);
        removeLeftovers(); // of a runtime that ended without stopping its plugins' JVMs (kill -9)
        this.spareConfiguration = folder.resolve(SPARE_PREFIX + "configuration.json");
        Files.writeString(spareConfiguration, "{}");
    }

    /** Starts the JVM of a launch: the spare, given the plugin, when it serves with the same JVM options; else a new one. */
    ChildProcess start(ChildProcess.Launch launch, IntPredicate genuine) throws IOException {
        ChildProcess child = assignedSpare(launch, genuine);
        if (child == null) {
            child = startNew(launch, genuine);
        }
        child.ready().thenRun(() -> classData.recordIfMissing(recorderLaunches, http, waits)
                .thenRun(() -> prepare(launch)));
        return child;
    }

    /** A new JVM, whose framework cache (~9 MB of bundle copies) goes when it ends. */
    private static ChildProcess startNew(ChildProcess.Launch launch, IntPredicate genuine) throws IOException {
        ChildProcess started = ChildProcess.start(launch, genuine);
        started.exited().thenRun(() -> delete(launch.cache()));
        return started;
    }

    private ChildProcess assignedSpare(ChildProcess.Launch launch, IntPredicate genuine) {
        ChildProcess taken;
        synchronized (this) {
            if (spare == null || !spareLaunch.sameJvm(launch) || !serves(spare)) {
                return null;
            }
            taken = spare;
            spare = null;
        }
        try {
            taken.assign(launch, genuine);
            LOG.info("Plugin '{}' starts in the spare JVM (pid {}), warm since its start", launch.pluginId(), taken.pid());
            return taken;
        } catch (IOException e) {
            LOG.warn("The spare JVM (pid {}) cannot take plugin '{}' ({}); a JVM starts for it", taken.pid(),
                    launch.pluginId(), e.toString());
            taken.kill();
            return null;
        }
    }

    private static boolean serves(ChildProcess process) {
        CompletableFuture<Integer> ready = process.ready();
        return process.alive() && ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Starts a spare with the JVM options of {@code like} (and the archive as it is now), unless one is there. */
    private void prepare(ChildProcess.Launch like) {
        ChildProcess replaced;
        synchronized (this) {
            if (closed || !keepSpare) {
                return;
            }
            ChildProcess.Launch next = new ChildProcess.Launch(ChildProtocol.SPARE_ID, Path.of(ChildProtocol.NO_PLUGIN),
                    folder.resolve(SPARE_PREFIX + spares.incrementAndGet() + "-cache"), spareConfiguration, "", "-", "-",
                    like.heapBytes(), like.processors(), SPARE_THREADS, ChildSupervisor.newSecret(), like.java(),
                    like.classPath(), like.prlimit(), classData.options());
            if (spare != null && spare.alive() && spareLaunch.sameJvm(next)) {
                return;
            }
            replaced = spare; // of other options: it would not fit the next start either
            try {
                ChildProcess started = startNew(next, port -> ChildChannel.answers(http, port, next.secret()));
                started.exited().thenRun(() -> forget(started));
                long began = System.currentTimeMillis();
                started.ready().orTimeout(SPARE_START_LIMIT.toSeconds(), TimeUnit.SECONDS).whenComplete((port, failure) -> {
                    if (failure == null) {
                        LOG.info("A spare JVM (pid {}) waits, warm, for the next isolated plugin: it served after {} ms",
                                started.pid(), System.currentTimeMillis() - began);
                    } else if (started.alive()) {
                        LOG.warn("The spare JVM (pid {}) did not serve within {} s; it ends", started.pid(),
                                SPARE_START_LIMIT.toSeconds());
                        started.kill();
                    }
                });
                spare = started;
                spareLaunch = next;
            } catch (IOException | RuntimeException e) {
                LOG.warn("No spare JVM for isolated plugins: it cannot be started ({})", e.toString());
                spare = null;
            }
        }
        if (replaced != null) {
            replaced.kill();
        }
    }

    /** A JVM started as a spare ended (idle, or having run its plugin): it is no spare any more. */
    private synchronized void forget(ChildProcess process) {
        if (spare == process) {
            spare = null;
        }
    }

    /**
     * Whether a spare is kept: without, every JVM starts for its plugin (an idle JVM fewer; each start
     * ~1 s longer). Turned off, the waiting spare ends; turned on, the next JVM to serve starts one.
     */
    void keepSpare(boolean keep) {
        ChildProcess idle;
        synchronized (this) {
            keepSpare = keep;
            if (keep) {
                return;
            }
            idle = spare;
            spare = null;
        }
        if (idle != null) {
            idle.kill();
        }
    }

    /** Ends the spare; the JVMs of plugins end with their supervisors. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        keepSpare(false);
    }

    /** Every JVM's cache, JAR copy and configuration file there is of an earlier run: each start writes its own. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            files.forEach(ChildLauncher::delete);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("The framework cache {} of an ended JVM stays: {}", tree, e.toString());
        }
    }
}
