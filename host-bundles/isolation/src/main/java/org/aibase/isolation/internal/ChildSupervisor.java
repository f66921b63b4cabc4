package org.aibase.isolation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.aibase.isolation.JvmFigures;
import org.aibase.sandbox.Quarantines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;

/**
 * Keeps one isolated plugin's JVM running: starts it, gives callers its channel once it serves, and
 * restarts it with a growing pause when it ends unasked (an {@code OutOfMemoryError} ends it, as does
 * an exit) or when it is killed because work in it ignored its interrupt. Each such end counts for the
 * platform's one quarantine policy, which stops the plugin after repeated ones.
 */
final class ChildSupervisor {

    /** How long a call waits for a JVM that is starting before it is answered 503 (or a task fails). */
    static final Duration WAIT_FOR_START = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ChildSupervisor.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 30_000;
    /** A JVM that served this long is healthy again: the next restart starts with the first pause. */
    private static final long HEALTHY_AFTER_MILLIS = 60_000;
    private static final long STOP_GRACE_MILLIS = 2_000;
    /** How often a serving JVM is asked for its health, and how many answers it may miss in a row before it is killed. */
    private static final long HEALTH_EVERY_MILLIS = 5_000;
    private static final int HEALTH_MISSES = 3;
    /** A JVM that does not serve this long after its start is killed (and started again). */
    private static final long START_LIMIT_MILLIS = 30_000;

    private final String pluginId;
    private final Function<String, ChildProcess.Launch> launches;
    private final ChildLauncher launcher;
    private final LongFunction<Runnable> confinement;
    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final Quarantines quarantines;
    private final long runawayGraceMillis;
    /** The plugin's timeout: of its calls, and of the calls in flight of a replaced JVM. */
    private final Duration timeout;

    private CompletableFuture<ChildChannel> channel = new CompletableFuture<>();
    private ChildProcess process;
    private long startedAtMillis;
    private long pauseMillis = FIRST_PAUSE_MILLIS;
    private boolean closed;
    /** Why the runtime killed the JVM, for the end it causes. */
    private String reasonOfNextEnd;
    private int healthMisses;
    private int restarts;
    private java.util.concurrent.ScheduledFuture<?> health;

    /**
     * @param launches the launch of a JVM for a fresh secret
     * @param launcher what starts it (from a spare JVM when one fits)
     * @param confinement what confines a JVM (by pid) once it serves, returning what undoes it when it ended
     */
    ChildSupervisor(String pluginId, Function<String, ChildProcess.Launch> launches, ChildLauncher launcher,
            LongFunction<Runnable> confinement,
            OkHttpClient http, ScheduledExecutorService timer, Quarantines quarantines, Duration runawayGrace,
            Duration timeout) {
        this.pluginId = pluginId;
        this.launches = launches;
        this.launcher = launcher;
        this.confinement = confinement;
        this.http = http;
        this.timer = timer;
        this.quarantines = quarantines;
        this.runawayGraceMillis = runawayGrace.toMillis();
        this.timeout = timeout;
    }

    /** Starts the plugin's JVM, and from then on looks at its health. */
    synchronized void start() {
        if (closed) {
            return;
        }
        if (health == null) {
            health = timer.scheduleWithFixedDelay(this::checkHealth, HEALTH_EVERY_MILLIS, HEALTH_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        String secret = newSecret();
        ChildProcess started = launch(secret);
        if (started == null) {
            restartLater();
            return;
        }
        process = started;
        startedAtMillis = System.currentTimeMillis();
        CompletableFuture<ChildChannel> waiting = channel;
        started.ready().whenComplete((port, failure) -> {
            if (failure == null) {
                confine(started);
                LOG.info("Plugin '{}' serves from its own JVM (pid {}, port {}) after {} ms", pluginId, started.pid(), port,
                        System.currentTimeMillis() - startedAtMillis);
                waiting.complete(new ChildChannel(http, port, secret, timeout));
            }
        });
        started.exited().thenAccept(code -> ended(started, code));
        timer.schedule(() -> {
            synchronized (this) {
                if (process == started && !waiting.isDone()) {
                    killed("it did not serve within " + START_LIMIT_MILLIS / 1000 + " s of its start");
                }
            }
        }, START_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a new JVM beside the running one (e.g. for a new configuration): it takes the calls once
     * it serves, and the old one ends after its calls in flight could finish. If the new one fails to
     * start, the old one serves on.
     */
    synchronized void renew() {
        if (closed || process == null || !channel.isDone()) {
            return; // nothing serves yet: the start under way (or the next) reads the new configuration
        }
        String secret = newSecret();
        ChildProcess next = launch(secret);
        if (next == null) {
            return;
        }
        long began = System.currentTimeMillis();
        next.ready().whenComplete((port, failure) -> {
            ChildProcess old;
            synchronized (this) {
                if (failure != null || closed) {
                    LOG.warn("Plugin '{}': its new JVM did not start ({}); the running one serves on", pluginId,
                            failure == null ? "stopping" : failure.getMessage());
                    next.kill();
                    return;
                }
                confine(next);
                old = process;
                process = next;
                startedAtMillis = began;
                channel = CompletableFuture.completedFuture(new ChildChannel(http, port, secret, timeout));
            }
            LOG.info("Plugin '{}' serves from a new JVM (pid {}) after {} ms", pluginId, next.pid(),
                    System.currentTimeMillis() - began);
            if (old != null) {
                timer.schedule(() -> old.stop(STOP_GRACE_MILLIS), timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        next.exited().thenAccept(code -> ended(next, code));
    }

    /**
     * Asks the serving JVM for its health; one that misses {@value #HEALTH_MISSES} answers in a row
     * (each within {@link ChildChannel#CONTROL_WAIT}) is killed, and started again like any JVM that ended.
     */
    private void checkHealth() {
        CompletableFuture<ChildChannel> current;
        synchronized (this) {
            current = channel;
        }
        if (closed || !current.isDone() || current.isCompletedExceptionally()) {
            return; // starting, restarting or stopping: nothing serves to be asked
        }
        try {
            current.join().health();
            healthMisses = 0;
        } catch (IOException | RuntimeException e) {
            if (++healthMisses >= HEALTH_MISSES) {
                healthMisses = 0;
                killed("it did not answer its health check " + HEALTH_MISSES + " times in a row (" + e.getMessage() + ")");
            }
        }
    }

    private ChildProcess launch(String secret) {
        try {
            return launcher.start(launches.apply(secret), port -> ChildChannel.answers(http, port, secret));
        } catch (IOException | RuntimeException e) {
            LOG.error("The JVM of plugin '{}' cannot be started: {}", pluginId, e.toString());
            return null;
        }
    }

    /** The JVM serves: from now on within its CPU quota, until it ends. */
    private void confine(ChildProcess serving) {
        serving.exited().thenRun(confinement.apply(serving.pid()));
    }

    /** A fresh secret for a JVM's channel. */
    static String newSecret() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /**
     * The channel to the plugin's JVM, waiting at most {@code wait} for it to serve.
     *
     * @throws ChildUnavailable while it starts or restarts past the wait
     */
    ChildChannel channel(Duration wait) throws ChildUnavailable, InterruptedException {
        CompletableFuture<ChildChannel> current;
        synchronized (this) {
            if (closed) {
                throw new ChildUnavailable("stopping", 1);
            }
            current = channel;
        }
        try {
            return current.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ChildUnavailable(startedAtMillis == 0 ? "starting" : "restarting",
                    Math.max(1, TimeUnit.MILLISECONDS.toSeconds(pauseMillis) + 1));
        }
    }

    /**
     * A call of the plugin ran past its time (or its job was cancelled): it is interrupted in the JVM; if it still runs after the
     * runaway grace, the JVM is killed (and started again), as nothing else stops such work.
     */
    void overran(ChildChannel via, String call, String what) {
        timer.execute(() -> LOG.info("Plugin '{}': {} is over (its time ran out, or it was cancelled); interrupted in its "
                + "JVM: {}", pluginId, what, via.interrupt(call)));
        timer.schedule(() -> {
            boolean running;
            try {
                running = via.running(call);
            } catch (IOException e) {
                LOG.debug("Plugin '{}': whether {} still runs cannot be told: {}", pluginId, what, e.toString());
                return; // the JVM is gone or going: its end is seen by the exit watch
            }
            if (running) {
                killed(what + " still ran " + runawayGraceMillis + " ms after it was interrupted");
            }
        }, runawayGraceMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void killed(String why) {
        if (closed || process == null) {
            return;
        }
        LOG.warn("Killing the JVM of plugin '{}' (pid {}): {}", pluginId, process.pid(), why);
        reasonOfNextEnd = why;
        process.kill();
    }

    private synchronized void ended(ChildProcess which, int code) {
        if (closed || which != process) {
            return;
        }
        String why = reasonOfNextEnd != null ? reasonOfNextEnd
                : "its JVM ended unasked with exit code " + code + (code == 3 ? " (out of memory: limits.memory)" : "");
        reasonOfNextEnd = null;
        process = null;
        restarts++;
        if (channel.isDone()) { // callers waiting for a start that never served wait for the next one
            channel = new CompletableFuture<>();
        }
        if (System.currentTimeMillis() - startedAtMillis > HEALTHY_AFTER_MILLIS) {
            pauseMillis = FIRST_PAUSE_MILLIS;
        }
        LOG.warn("Plugin '{}': {}; starting it again in {} ms", pluginId, why, pauseMillis);
        quarantines.forced(pluginId, why);
        restartLater();
    }

    private void restartLater() {
        long pause = pauseMillis;
        pauseMillis = Math.min(LONGEST_PAUSE_MILLIS, pauseMillis * 2);
        timer.schedule(this::start, pause, TimeUnit.MILLISECONDS);
    }

    /** What the serving JVM costs now (its heap asked of it); empty while none serves. */
    Optional<JvmFigures> figures() {
        ChildProcess serving;
        CompletableFuture<ChildChannel> current;
        long started;
        int restarted;
        synchronized (this) {
            serving = process;
            current = channel;
            started = startedAtMillis;
            restarted = restarts;
        }
        if (serving == null || !current.isDone() || current.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Map<String, Object> health;
        try {
            health = current.join().health();
        } catch (IOException e) {
            return Optional.empty();
        }
        long cpu = ProcessHandle.of(serving.pid()).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L);
        return Optional.of(new JvmFigures(serving.pid(), Instant.ofEpochMilli(started), restarted, cpu,
                resident(serving.pid()), number(health.get("heap_used_bytes")), number(health.get("heap_max_bytes"))));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** The resident memory of a process, where {@code /proc} tells it. */
    private static OptionalLong resident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended
        }
        return OptionalLong.empty();
    }

    /** Stops the JVM for good (the plugin stops or goes). */
    void close() {
        ChildProcess last;
        synchronized (this) {
            closed = true;
            if (health != null) {
                health.cancel(false);
            }
            last = process;
            process = null;
            channel.completeExceptionally(new IOException("plugin '" + pluginId + "' stopped"));
        }
        if (last != null) {
            last.stop(STOP_GRACE_MILLIS);
        }
    }

    /** The plugin's JVM cannot take a call now; {@code retryAfterSeconds} says when to try again. */
    static final class ChildUnavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String state;
        private final long retryAfterSeconds;

        ChildUnavailable(String state, long retryAfterSeconds) {
            super(state);
            this.state = state;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        String state() {
            return state;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
