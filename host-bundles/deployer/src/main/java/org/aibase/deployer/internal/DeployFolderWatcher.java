package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.aibase.sandbox.PlatformThreads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the deploy folder with the file system's change notifications (inotify on Linux: a change is
 * seen at once, where polling would add its interval to every deployment) and hands each changed JAR to
 * the deployer on this watcher's one thread, so files are handled serially.
 */
final class DeployFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderWatcher.class);

    /** How often pending deployments are looked at while there are some (e.g. a plugin waiting for its start level). */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Handles one file; returns when to look at it again, or empty when done with it. */
    interface FileHandler {
        OptionalLong process(Path file, long detectedNanos);
    }

    /** A file to look at: when its first event was detected and when it is due. */
    private record Due(long detectedNanos, long dueNanos) {
    }

    private final Path folder;
    private final FileHandler handler;
    private final Supplier<List<Path>> installedFiles;
    private final Runnable tick;
    private final BooleanSupplier ticking;
    private final Map<Path, Due> due = new HashMap<>();
    private WatchService watchService;
    private Thread thread;
    private volatile boolean closed;

    /**
     * @param folder the deploy folder
     * @param handler handles each changed file
     * @param installedFiles the files bundles are installed from, looked at again after lost events
     * @param tick run after each round, e.g. to expire pending deployments
     * @param ticking whether {@code tick} wants to run regularly even when no file changes
     */
    DeployFolderWatcher(Path folder, FileHandler handler, Supplier<List<Path>> installedFiles, Runnable tick,
                        BooleanSupplier ticking) {
        this.folder = folder;
        this.handler = handler;
        this.installedFiles = installedFiles;
        this.tick = tick;
        this.ticking = ticking;
    }

    /** Whether a file name is one to deploy: a JAR, not a hidden, editor or partial-download file. */
    static boolean isDeployable(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".jar")
                && !name.startsWith(".") && !name.startsWith("#") && !name.startsWith("~");
    }

    /** Starts receiving events; call before looking at the folder's content so no change falls in between. */
    void open() throws IOException {
        watchService = folder.getFileSystem().newWatchService();
        folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Asks for a file to be looked at at the given time (before {@link #start()} only). */
    void schedule(Path file, long detectedNanos, long dueNanos) {
        due.put(file, new Due(detectedNanos, dueNanos));
    }

    /** The deployable files in the folder now. */
    List<Path> deployableFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                p -> isDeployable(p.getFileName().toString()) && !Files.isDirectory(p))) {
            List<Path> list = new ArrayList<>();
            files.forEach(list::add);
            list.sort(null); // a stable order, so reconciliation logs read the same every start
            return list;
        }
    }

    /** Starts the watcher's thread. */
    void start() {
        thread = PlatformThreads.named("aibase-deployer", DeployFolderWatcher.class.getClassLoader()).newThread(this::run);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (watchService != null) {
                watchService.close(); // wakes the thread from take()/poll()
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the watch service of {}", folder, e);
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The deploy folder watcher did not stop within 10 s");
            }
        }
    }

    private void run() {
        LOG.info("Watching {}", folder);
        try {
            while (!closed) {
                WatchKey key = await();
                long now = System.nanoTime();
                while (key != null) {
                    collect(key, now);
                    key = watchService.poll(); // drain whatever else is ready: one round for a burst of events
                }
                processDue(System.nanoTime());
                tick.run();
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debug("Stopped watching {}", folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the deployer stops working: loud, and with the cause
            LOG.error("The deploy folder watcher of {} failed; files are no longer deployed", folder, e);
        }
    }

    private WatchKey await() throws InterruptedException {
        long now = System.nanoTime();
        long wait = due.values().stream().mapToLong(d -> d.dueNanos() - now).min().orElse(Long.MAX_VALUE);
        if (ticking.getAsBoolean()) {
            wait = Math.min(wait, TICK_NANOS);
        }
        if (wait == Long.MAX_VALUE) {
            return watchService.take();
        }
        return wait <= 0 ? watchService.poll() : watchService.poll(wait, TimeUnit.NANOSECONDS);
    }

    private void collect(WatchKey key, long now) {
        Set<Path> changed = new LinkedHashSet<>();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                LOG.warn("Missed file events in {}; looking at every file again", folder);
                changed.addAll(installedFiles.get());
                try {
                    changed.addAll(deployableFiles());
                } catch (IOException e) {
                    LOG.warn("Cannot list {}", folder, e);
                }
            } else if (event.context() instanceof Path name && isDeployable(name.toString())) {
                changed.add(folder.resolve(name));
            }
        }
        if (!key.reset()) {
            LOG.error("{} can no longer be watched (was it removed?); files are no longer deployed", folder);
            closed = true;
        }
        // every event makes a file due now; a file still waiting keeps the time it was first detected
        changed.forEach(file -> due.merge(file, new Due(now, now), (old, fresh) -> new Due(old.detectedNanos(), now)));
    }

    private void processDue(long now) {
        List<Path> ready = due.entrySet().stream().filter(e -> e.getValue().dueNanos() - now <= 0).map(Map.Entry::getKey).toList();
        for (Path file : ready) {
            Due d = due.remove(file);
            try {
                OptionalLong again = handler.process(file, d.detectedNanos());
                again.ifPresent(at -> due.put(file, new Due(d.detectedNanos(), at)));
            } catch (RuntimeException e) {
                // one broken file must not stop the deployment of the others
                LOG.error("Deploying {} failed unexpectedly", file.getFileName(), e);
            }
        }
    }
}
