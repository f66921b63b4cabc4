package org.aibase.isolation.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.aibase.isolation.child.ChildProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The class-data archive isolated plugins' JVMs start from (the JDK's dynamic class-data sharing): the
 * classes of Felix, SCR, Jersey, HK2, Jackson and the child's host, parsed, verified and laid out once,
 * then mapped by every JVM that starts instead of being loaded again (see bench/results/isolated.md).
 * A JVM that runs no plugin ({@link ChildProtocol#NO_PLUGIN}) records it, once per JDK and runtime JAR,
 * in the background after the first isolated plugin's JVM started: so no plugin's class is ever in it,
 * and the first start waits for nothing. Until it is there, or when it cannot be recorded, JVMs start
 * without it, as before.
 */
final class ClassDataArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    /** The id the recording JVM serves under: an id no plugin can take (plugin ids have no hyphen). */
    static final String RECORDER_ID = "class-data";
    /** How long the recording JVM may take to serve, and to write the archive once told to end. */
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final long WRITE_LIMIT_MILLIS = 30_000;
    private static final String PREFIX = "child-";
    private static final String SUFFIX = ".jsa";

    private final Path folder;
    private final Path archive;
    private final Path recording;
    private ChildProcess recorder;
    /** Completes when the recording under way ended, either way (completed while none is). */
    private CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
    private boolean recorded;
    private boolean closed;

    /**
     * @param folder where archives are kept (the isolation bundle's data)
     * @param java the {@code java} program children run
     * @param classPath the class path children run with: an archive is valid only for the files it names
     */
    ClassDataArchive(Path folder, String java, String classPath) {
        this.folder = folder;
        this.archive = folder.resolve(PREFIX + key(java, classPath) + SUFFIX);
        this.recording = folder.resolve(archive.getFileName() + ".recording");
    }

    /** The JVM options of a child: the archive to start from, once there is one. */
    List<String> options() {
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /**
     * Records the archive in the background, unless it is there, being recorded, or failed once in this run.
     *
     * @param launches the launch of a JVM without plugin, for its class-data options
     * @param waits where the wait for the JVM's end (while it writes the archive) takes a thread
     * @return completes once no recording is under way: the archive is there, or will not be in this run
     */
    synchronized CompletableFuture<Void> recordIfMissing(Function<List<String>, ChildProcess.Launch> launches,
            OkHttpClient http, Executor waits) {
        if (recorded || closed || recorder != null || Files.isRegularFile(archive)) {
            return settled;
        }
        recorded = true; // one attempt per run: a JDK that cannot record one would fail again
        long began = System.currentTimeMillis();
        ChildProcess.Launch launch;
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(recording);
            // the JDK warns of every class it leaves out (not linked yet, too old a class file): hundreds of lines
            launch = launches.apply(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error"));
            recorder = ChildProcess.start(launch, port -> true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Isolated plugins' JVMs start without a class-data archive: it cannot be recorded ({})", e.toString());
            return settled;
        }
        settled = new CompletableFuture<>();
        ChildProcess started = recorder;
        started.exited().thenAccept(code -> ended(code, began));
        started.ready().orTimeout(START_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .thenCompose(port -> exercise(http, port, launch.secret()))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("The JVM recording the class-data archive did not serve: {}", failure.toString());
                    }
                    // the end of its input ends it, and the JDK writes the archive as it ends
                    waits.execute(() -> started.stop(WRITE_LIMIT_MILLIS));
                });
        return settled;
    }

    /** One request through the JVM's Jersey: the classes of a request's way are recorded too. */
    private static CompletableFuture<Void> exercise(OkHttpClient http, int port, String secret) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/" + RECORDER_ID + "/")
                .header(ChildProtocol.SECRET_HEADER, secret).get().build();
        http.newCall(request).enqueue(new okhttp3.Callback() {
            @Override
            public void onResponse(okhttp3.Call call, Response response) {
                response.close();
                done.complete(null);
            }

            @Override
            public void onFailure(okhttp3.Call call, IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private synchronized void ended(int code, long began) {
        recorder = null;
        try {
            record(code, began);
        } finally {
            settled.complete(null);
        }
    }

    private void record(int code, long began) {
        try {
            if (code != 0 || closed || !Files.isRegularFile(recording) || Files.size(recording) == 0) {
                LOG.warn("Isolated plugins' JVMs start without a class-data archive: the JVM recording it ended with {}",
                        closed ? "the runtime's stop" : "exit code " + code);
                Files.deleteIfExists(recording);
                return;
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOthers();
            LOG.info("Recorded the class-data archive of isolated plugins' JVMs in {} ms ({} MB): they start from it now",
                    System.currentTimeMillis() - began, Files.size(archive) >> 20);
        } catch (IOException e) {
            LOG.warn("Isolated plugins' JVMs start without a class-data archive: {}", e.toString());
        }
    }

    /** Archives of another JDK or runtime JAR: never valid again. */
    private void removeOthers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.equals(archive)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Stops a recording under way: no archive from this run then. */
    void close() {
        ChildProcess running;
        synchronized (this) {
            closed = true;
            running = recorder;
        }
        if (running != null) {
            running.kill();
        }
    }

    /** What an archive is valid for: the JVM (its program and version) and each file of the class path as it is now. */
    private static String key(String java, String classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder what = new StringBuilder(java).append('\n').append(System.getProperty("java.vm.version"));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path file = Path.of(entry);
                what.append('\n').append(file.toAbsolutePath());
                try {
                    what.append(' ').append(Files.size(file)).append(' ').append(Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    what.append(" absent");
                }
            }
            return HexFormat.of().formatHex(digest.digest(what.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
