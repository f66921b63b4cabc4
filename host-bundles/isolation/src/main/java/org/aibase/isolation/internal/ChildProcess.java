package org.aibase.isolation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.aibase.isolation.child.ChildProtocol;
import org.aibase.sandbox.PlatformThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM of an isolated plugin: started with the plugin's limits as the JVM's own (heap, processors),
 * its output logged line by line with the plugin's id, its port learnt from the ready line. Its
 * standard input stays open as long as the runtime wants it: closing it (or the runtime dying) halts it.
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    /** The longest line of a JVM's output the runtime keeps; the rest of such a line is dropped. */
    static final int LONGEST_LINE = 8192;

    private final Process process;
    /** Whose JVM it is (for its log lines): a spare's plugin once it is assigned one. */
    private volatile String pluginId;
    /** The port of its plugin's host once it serves; a spare's is replaced when it is assigned a plugin. */
    private volatile CompletableFuture<Integer> port = new CompletableFuture<>();
    /** Which ready lines count: those whose port answers with the secret of the current plugin. */
    private volatile IntPredicate genuine;

    /** The heap a JVM starts with: what Felix, SCR, Jersey and a small plugin need (~10 MB live after start). */
    private static final long INITIAL_HEAP_MEGABYTES = 32;

    /** What a child is started with; {@code classData}: its class-data archive's JVM options ({@link ClassDataArchive}). */
    record Launch(String pluginId, Path jar, Path cache, Path configuration, String expects, String runtime,
            String services, long heapBytes, int processors, int threads, String secret, String java, String classPath,
            Optional<Path> prlimit, List<String> classData) {

        /**
         * The address space a JVM may map: its heap and 1 GiB for the rest (class space, code cache,
         * thread stacks, the class-data archive and the C heap's arenas). Past it a mapping fails and
         * the JVM ends, to be started again.
         */
        long addressSpaceBytes() {
            return heapBytes + (1L << 30);
        }

        /** Whether a JVM started for {@code other} would run with the same options as one started for this. */
        boolean sameJvm(Launch other) {
            return java.equals(other.java) && classPath.equals(other.classPath) && heapBytes == other.heapBytes
                    && processors == other.processors && prlimit.equals(other.prlimit) && classData.equals(other.classData);
        }

        /** What a spare started with these options is told to run this launch's plugin with. */
        ChildProtocol.Assignment assignment() {
            return new ChildProtocol.Assignment(pluginId, jar.toString(), String.valueOf(threads), configuration.toString(),
                    expects, runtime, services, secret);
        }

        List<String> command() {
            List<String> command = new ArrayList<>();
            prlimit.ifPresent(program -> command.addAll(List.of(program.toString(), "--as=" + addressSpaceBytes(), "--")));
            long heapMegabytes = Math.max(16, heapBytes >> 20);
            command.addAll(List.of(java,
                    "-Xmx" + heapMegabytes + "m",
                    // the heap grows up to -Xmx as the plugin needs it; without -Xms it starts at 1/64 of the machine's
                    // memory, and SerialGC fills its young generation before it collects: measured ~65 MB more resident
                    "-Xms" + Math.min(INITIAL_HEAP_MEGABYTES, heapMegabytes) + "m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:ActiveProcessorCount=" + processors,
                    "-XX:+UseSerialGC",
                    // C1 only: measured, C2 gave no lower latency per request here but a slower start and ~20 MB more RSS
                    "-XX:TieredStopAtLevel=1",
                    "-Xss512k",
                    "-XX:ReservedCodeCacheSize=32m",
                    "-XX:MaxMetaspaceSize=128m",
                    // the default reserves 1 GiB of address space for class metadata a plugin's JVM never fills
                    "-XX:CompressedClassSpaceSize=64m",
                    "-Xshare:auto"));
            command.addAll(classData);
            command.addAll(List.of(
                    // the JDK's HTTP server writes head and body apart: without TCP_NODELAY each answer waits for
                    // the runtime's delayed ACK (~40 ms per request on loopback)
                    "-Dsun.net.httpserver.nodelay=true",
                    "-cp", classPath, ChildProtocol.MAIN_CLASS,
                    pluginId, jar.toString(), cache.toString(), String.valueOf(threads), configuration.toString(), expects, runtime, services));
            return command;
        }
    }

    private ChildProcess(String pluginId, Process process, IntPredicate genuine) {
        this.pluginId = pluginId;
        this.process = process;
        this.genuine = genuine;
    }

    /**
     * Starts the JVM; {@link #ready()} completes with its port once it serves: the port of the first ready
     * line that {@code genuine} accepts (others are logged and ignored).
     */
    static ChildProcess start(Launch launch, IntPredicate genuine) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command());
        builder.environment().put(ChildProtocol.SECRET_VARIABLE, launch.secret());
        // glibc gives each thread that allocates an arena of its own, 64 MB of address space each: two are plenty
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        ChildProcess child = new ChildProcess(launch.pluginId(), process, genuine);
        child.pump(process.getInputStream(), "out", line -> {
            CompletableFuture<Integer> current = child.port;
            if (line.startsWith(ChildProtocol.READY_LINE) && !current.isDone()) {
                Integer port = portOf(line);
                if (port != null && child.genuine.test(port)) {
                    current.complete(port);
                } else {
                    LOG.warn("[{}] ignored a ready line that names no port of this JVM: {}", child.pluginId, line);
                }
            } else {
                LOG.info("[{}] {}", child.pluginId, line);
            }
        });
        child.pump(process.getErrorStream(), "err", line -> LOG.warn("[{}] {}", child.pluginId, line));
        process.onExit().thenRun(child::failReady);
        return child;
    }

    /**
     * Gives a spare JVM (one started for {@link ChildProtocol#SPARE_ID}, serving) the plugin of {@code launch},
     * started with the same JVM options; {@link #ready()} then completes with the port its plugin's host serves on.
     */
    synchronized void assign(Launch launch, IntPredicate genuine) throws IOException {
        pluginId = launch.pluginId();
        this.genuine = genuine;
        port = new CompletableFuture<>();
        java.io.OutputStream input = process.getOutputStream();
        input.write((launch.assignment().line() + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
        if (!process.isAlive()) {
            failReady(); // it ended before the new port could be waited for
        }
    }

    private void failReady() {
        port.completeExceptionally(new IOException("the JVM of plugin '" + pluginId + "' exited with "
                + (process.isAlive() ? "no code yet" : process.exitValue())));
    }

    private static Integer portOf(String line) {
        try {
            int port = Integer.parseInt(line.substring(ChildProtocol.READY_LINE.length()).strip());
            return port > 0 && port < 65536 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Passes on the lines the JVM writes, each cut at {@value #LONGEST_LINE} characters: the plugin's code
     * writes to the same output, and a line without end must not grow in the runtime's heap (nor its log).
     */
    static void readLines(java.io.Reader reader, Consumer<String> lines) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (c == '\n') {
                if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                lines.accept(kept(line, cut));
                line.setLength(0);
                cut = false;
            } else if (line.length() < LONGEST_LINE) {
                line.append((char) c);
            } else {
                cut = true;
            }
        }
        if (!line.isEmpty()) {
            lines.accept(kept(line, cut));
        }
    }

    private static String kept(CharSequence line, boolean cut) {
        return cut ? line + " [cut at " + LONGEST_LINE + " characters]" : line.toString();
    }

    /** Completes with the port once the child serves; fails when it exits first. */
    CompletableFuture<Integer> ready() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Completes when the JVM has ended, with its exit code. */
    CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Ends the JVM: closing its input halts it at once; killed if it is still there after {@code graceMillis}. */
    void stop(long graceMillis) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the same
        }
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM at once. */
    void kill() {
        process.destroyForcibly();
    }

    private void pump(InputStream stream, String name, Consumer<String> lines) {
        String thread = "aibase-isolated-" + pluginId + "-" + name;
        PlatformThreads.named(thread, ChildProcess.class.getClassLoader()).newThread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                readLines(reader, lines);
            } catch (IOException e) {
                // the JVM ended: nothing more to read
            }
        }).start();
    }
}
