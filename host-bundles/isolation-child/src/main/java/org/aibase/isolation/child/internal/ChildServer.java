package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.JsonAnswers;
import org.aibase.isolation.child.TaskWire;

/**
 * The child's end of the channel: HTTP/1.1 on 127.0.0.1 only, on a port the system picks, every call
 * proven by the per-child secret (403 otherwise). {@code /api/v1/<id>/...} goes to the plugin's
 * resources as the runtime forwards them; {@code /_aibase/...} are the runtime's control calls:
 * a task, a job's attempt, interrupting a call, whether a call still runs, and health with the heap's figures.
 */
final class ChildServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final HttpServer server;
    private final ExecutorService threads;
    private final RunningCalls calls;
    private final Supplier<Optional<Plugin>> tasks;
    private final Optional<ChildJobs> jobs;
    private volatile HttpHandler resources;

    ChildServer(String pluginId, byte[] secret, int threadCount, RunningCalls calls, Supplier<Optional<Plugin>> tasks,
            Optional<ChildJobs> jobs) throws IOException {
        this.calls = calls;
        this.tasks = tasks;
        this.jobs = jobs;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger number = new AtomicInteger();
        // two more than the plugin's calls (the runtime admits at most threadCount): control calls always find a thread
        this.threads = Executors.newFixedThreadPool(threadCount + 2, work -> {
            Thread thread = new Thread(work, "aibase-child-call-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        Filter proven = new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                String given = exchange.getRequestHeaders().getFirst(ChildProtocol.SECRET_HEADER);
                if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                    exchange.getRequestBody().close();
                    JsonAnswers.send(exchange, 403, Map.of("error", Map.of("code", "forbidden", "message", "not the runtime")));
                    return;
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "the runtime's secret";
            }
        };
        server.createContext("/api/v1/" + pluginId, this::resource).getFilters().add(proven);
        server.createContext(ChildProtocol.CONTROL, this::control).getFilters().add(proven);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves the plugin's resources with this handler from now on. */
    void serve(HttpHandler handler) {
        resources = handler;
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void resource(HttpExchange exchange) throws IOException {
        HttpHandler current = resources;
        if (current == null) {
            exchange.getRequestBody().close();
            JsonAnswers.send(exchange, 503, Map.of("error", Map.of("code", "starting", "message", "The plugin is starting")));
            return;
        }
        try {
            calls.run(exchange.getRequestHeaders().getFirst(ChildProtocol.CALL_HEADER), () -> {
                current.handle(exchange);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(ChildProtocol.CONTROL.length());
        try (InputStream body = exchange.getRequestBody()) {
            if (path.equals("/task") && exchange.getRequestMethod().equals("POST")) {
                Map<String, Object> request = JSON.readValue(body, OBJECT);
                String call = exchange.getRequestHeaders().getFirst(ChildProtocol.CALL_HEADER);
                JsonAnswers.send(exchange, 200, TaskWire.result(task(call, request)));
            } else if (path.equals("/job") && exchange.getRequestMethod().equals("POST") && jobs.isPresent()) {
                Map<String, Object> job = JSON.readValue(body, OBJECT);
                JsonAnswers.send(exchange, 200, jobs.get().run(exchange.getRequestHeaders().getFirst(ChildProtocol.CALL_HEADER), job));
            } else if (path.startsWith("/interrupt/") && exchange.getRequestMethod().equals("POST")) {
                JsonAnswers.send(exchange, 200, Map.of("interrupted", calls.interrupt(path.substring("/interrupt/".length()))));
            } else if (path.startsWith("/running/")) {
                JsonAnswers.send(exchange, 200, Map.of("running", calls.running(path.substring("/running/".length()))));
            } else if (path.equals("/health")) {
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                JsonAnswers.send(exchange, 200, Map.of("serving", resources != null, "heap_used_bytes", heap.getUsed(),
                        "heap_max_bytes", heap.getMax(), "threads", Thread.activeCount()));
            } else {
                JsonAnswers.send(exchange, 404, Map.of("error", Map.of("code", "not_found", "message", "no control call " + path)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private TaskResult task(String call, Map<String, Object> request) {
        Optional<Plugin> plugin = tasks.get();
        if (plugin.isEmpty()) {
            return TaskResult.failure("no_task_handler", "the plugin registers no Plugin service", Severity.LOW);
        }
        Object config = request.get("config");
        TaskRequest task = new TaskRequest(String.valueOf(request.get("type")),
                config instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        try {
            TaskResult result = calls.run(call, () -> plugin.get().execute(task));
            return result != null ? result : TaskResult.failure("task_failed", "The plugin returned no result", Severity.HIGH);
        } catch (Exception e) {
            System.err.println("Task '" + task.type() + "' failed: " + e);
            e.printStackTrace();
            return TaskResult.failure("task_failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    Severity.HIGH);
        }
    }

}
