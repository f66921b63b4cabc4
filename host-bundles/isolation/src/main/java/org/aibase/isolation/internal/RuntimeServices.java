package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.JobWire;
import org.aibase.isolation.child.JsonAnswers;
import org.aibase.isolation.child.LlmWire;
import org.osgi.framework.Bundle;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.Requester;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's services as isolated plugins' JVMs reach them: HTTP on 127.0.0.1, each call proven by
 * its child's secret, which names the plugin. A call runs with the service the platform gives that
 * plugin's stand-in bundle (the LLM and jobs services are one instance per plugin), so routing,
 * budgets, token limits, metering and the plugin's own jobs are exactly as in-process; a call made
 * while the plugin serves one of the runtime's calls acts for that call's caller. Only what the
 * plugin's permissions grant is there: a child of a plugin without {@code llm} is answered 403 on
 * {@code /llm}. The plugin's job handlers, which its JVM announces, are registered for its stand-in
 * ({@link ChildJobHandler}), so the platform's job engine runs them.
 */
final class RuntimeServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeServices.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final HttpServer server;
    /**
     * Up to 64 calls at once (an LLM call takes seconds; a job's progress must not wait behind it), idle
     * threads ending after 30 s: with an unbounded queue a pool never grows past its core size, so the
     * core is the limit.
     */
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            PlatformThreads.named("aibase-isolated-services", RuntimeServices.class.getClassLoader()));
    /** Each child's plugin, by the child's secret. */
    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final CallsInFlight calls;
    /**
     * The LLM service as each stand-in gets it, by bundle id: held while the plugin runs (the service is
     * one instance per plugin; getting and releasing it per call would build it per call).
     */
    private final Map<Long, ServiceTracker<LlmService, LlmService>> llms = new ConcurrentHashMap<>();
    /** The jobs service as each stand-in gets it, by bundle id (one instance per plugin, too). */
    private final Map<Long, ServiceTracker<JobService, JobService>> jobServices = new ConcurrentHashMap<>();
    /** The job handlers registered for each stand-in, as its JVM last announced them, by bundle id. */
    private final Map<Long, Map<String, ServiceRegistration<JobHandler>>> jobHandlers = new ConcurrentHashMap<>();

    /** An isolated plugin as its JVM's calls name it: its stand-in and its JVM's supervisor. */
    private record Child(Bundle standIn, String pluginId, ChildSupervisor supervisor) {
    }

    RuntimeServices(CallsInFlight calls) throws IOException {
        this.calls = calls;
        threads.allowCoreThreadTimeOut(true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext(ChildProtocol.LLM + "/", this::llm);
        server.createContext(ChildProtocol.JOBS + "/", this::jobs);
        server.start();
    }

    /** Where a child calls, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A child's secret, the stand-in bundle its calls are made for, and the supervisor of its plugin's JVM. */
    void admit(String secret, Bundle standIn, String pluginId, ChildSupervisor supervisor) {
        children.put(secret, new Child(standIn, pluginId, supervisor));
    }

    /** Forgets every child of the stand-in with this bundle id, and what was registered for it. */
    void forget(long standInId) {
        children.values().removeIf(child -> child.standIn().getBundleId() == standInId);
        closeTracker(llms.remove(standInId));
        closeTracker(jobServices.remove(standInId));
        synchronized (jobHandlers) {
            Map<String, ServiceRegistration<JobHandler>> handlers = jobHandlers.remove(standInId);
            unregister(handlers == null ? List.of() : List.copyOf(handlers.values()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        llms.values().forEach(ServiceTracker::close);
        llms.clear();
        jobServices.values().forEach(ServiceTracker::close);
        jobServices.clear();
        jobHandlers.values().forEach(handlers -> unregister(List.copyOf(handlers.values())));
        jobHandlers.clear();
    }

    private static void closeTracker(ServiceTracker<?, ?> tracker) {
        if (tracker != null) {
            tracker.close();
        }
    }

    private static void unregister(List<ServiceRegistration<JobHandler>> registrations) {
        for (ServiceRegistration<JobHandler> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // unregistered with its stand-in already
            }
        }
    }

    /** The service of the type the stand-in is given, if it is (its permissions grant it, and the service runs). */
    private static <S> S serviceOf(Map<Long, ServiceTracker<S, S>> held, Class<S> type, Bundle standIn) {
        BundleContext context = standIn.getBundleContext();
        if (context == null) {
            return null;
        }
        return held.computeIfAbsent(standIn.getBundleId(), id -> {
            ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
            tracker.open();
            return tracker;
        }).getService();
    }

    private Child child(HttpExchange exchange) {
        return children.get(String.valueOf(exchange.getRequestHeaders().getFirst(ChildProtocol.SECRET_HEADER)));
    }

    private void llm(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Child child = child(exchange);
            LlmService llm = child == null ? null : serviceOf(llms, LlmService.class, child.standIn());
            if (llm == null) {
                JsonAnswers.send(exchange, 403, LlmWire.error(new LlmException(LlmException.Kind.PERMISSION_DENIED,
                        "this plugin is not granted the LLM service (permission 'llm')")));
                return;
            }
            try {
                String path = exchange.getRequestURI().getPath();
                if (path.equals(ChildProtocol.LLM + "/chat") && exchange.getRequestMethod().equals("POST")) {
                    JsonAnswers.send(exchange, 200, LlmWire.response(llm.chat(LlmWire.request(JSON.readValue(body, OBJECT)))));
                } else if (path.equals(ChildProtocol.LLM + "/models")) {
                    JsonAnswers.send(exchange, 200, llm.models().stream().map(LlmWire::model).toList());
                } else {
                    JsonAnswers.send(exchange, 404, LlmWire.error(new LlmException(LlmException.Kind.BAD_REQUEST, "no call " + path)));
                }
            } catch (LlmException e) {
                JsonAnswers.send(exchange, 502, LlmWire.error(e));
            } catch (IllegalArgumentException | ClassCastException | NullPointerException | IOException e) {
                JsonAnswers.send(exchange, 400, LlmWire.error(new LlmException(LlmException.Kind.BAD_REQUEST,
                        "the chat request cannot be read: " + e.getMessage())));
            }
        } catch (RuntimeException e) {
            LOG.warn("An isolated plugin's LLM call failed", e);
            JsonAnswers.send(exchange, 500, LlmWire.error(new LlmException(LlmException.Kind.UNAVAILABLE, "the call failed")));
        }
    }

    private void jobs(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Child child = child(exchange);
            JobService jobs = child == null ? null : serviceOf(jobServices, JobService.class, child.standIn());
            if (jobs == null) {
                JsonAnswers.send(exchange, 403, JobWire.error(new JobException("forbidden",
                        "this plugin is not granted the jobs service (permission 'jobs')")));
                return;
            }
            String operation = exchange.getRequestURI().getPath().substring(ChildProtocol.JOBS.length() + 1);
            long standInId = child.standIn().getBundleId();
            try (Requester.Scope acting = Requester.actFor(calls.requester(
                    exchange.getRequestHeaders().getFirst(ChildProtocol.CALL_HEADER), standInId))) {
                Map<String, Object> request = JSON.readValue(body, OBJECT);
                JsonAnswers.send(exchange, 200, switch (operation) {
                    case "submit" -> Map.of("id", jobs.submit(text(request, "type"), text(request, "name"),
                            text(request, "input")));
                    case "get" -> JobWire.job(jobs.get(text(request, "id")).orElseThrow(() -> new JobException(
                            JobException.NOT_FOUND, "no job of this plugin has the id " + request.get("id"))));
                    case "list" -> JobWire.page(jobs.list(JobWire.query(request)));
                    case "cancel" -> JobWire.job(jobs.cancel(text(request, "id")));
                    case "delete" -> {
                        jobs.delete(text(request, "id"));
                        yield Map.of();
                    }
                    case "counts" -> counts(jobs.counts());
                    case "handlers" -> handlers(child, request.get("handlers"));
                    case "progress" -> progress(standInId, request);
                    default -> throw new JobException("no_such_call", "no jobs call '" + operation + "'");
                });
            } catch (JobException e) {
                JsonAnswers.send(exchange, switch (e.code()) {
                    case JobException.NOT_FOUND, "no_such_call" -> 404;
                    case JobException.CONFLICT -> 409;
                    case JobException.INPUT_TOO_LARGE -> 413;
                    case JobException.UNAVAILABLE -> 503;
                    default -> 422;
                }, JobWire.error(e));
            } catch (IllegalArgumentException | ClassCastException | IOException e) {
                JsonAnswers.send(exchange, 400, JobWire.error(new JobException(JobException.INVALID,
                        "the jobs call cannot be read: " + e.getMessage())));
            }
        } catch (RuntimeException e) {
            LOG.warn("An isolated plugin's jobs call failed", e);
            JsonAnswers.send(exchange, 500, JobWire.error(new JobException(JobException.UNAVAILABLE, "the call failed")));
        }
    }

    private static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return (String) value;
    }

    private static Map<String, Object> counts(Map<JobStatus, Long> counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        counts.forEach((status, count) -> json.put(status.id(), count));
        return json;
    }

    /**
     * The job types the plugin's JVM handles now: registered for its stand-in, each with the plugin's
     * properties (the job engine checks them as for any handler). A type announced again unchanged
     * keeps its registration (the engine would refuse a second handler of a type); a changed one is
     * registered anew; one no longer announced goes.
     */
    private Map<String, Object> handlers(Child child, Object announced) {
        if (!(announced instanceof List<?> list)) {
            throw new IllegalArgumentException("handlers must be a list");
        }
        BundleContext context = child.standIn().getBundleContext();
        if (context == null) {
            throw new JobException(JobException.UNAVAILABLE, "the plugin is stopping");
        }
        Map<String, Dictionary<String, Object>> wanted = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> properties) || !(properties.get(JobHandler.TYPE) instanceof String type)) {
                throw new IllegalArgumentException("each handler needs " + JobHandler.TYPE);
            }
            Dictionary<String, Object> service = new Hashtable<>();
            properties.forEach((key, value) -> {
                if (String.valueOf(key).startsWith("aibase.job.")) {
                    service.put(String.valueOf(key), String.valueOf(value));
                }
            });
            wanted.put(type, service);
        }
        synchronized (jobHandlers) {
            Map<String, ServiceRegistration<JobHandler>> held = jobHandlers.computeIfAbsent(child.standIn().getBundleId(),
                    id -> new LinkedHashMap<>());
            held.entrySet().removeIf(entry -> {
                Dictionary<String, Object> now = wanted.get(entry.getKey());
                if (now != null && now.equals(properties(entry.getValue()))) {
                    wanted.remove(entry.getKey()); // unchanged: kept
                    return false;
                }
                unregister(List.of(entry.getValue()));
                return true;
            });
            wanted.forEach((type, service) -> held.put(type, context.registerService(JobHandler.class,
                    new ChildJobHandler(child.pluginId(), child.standIn().getBundleId(), child.supervisor(), calls), service)));
            return Map.of("handlers", held.size());
        }
    }

    /** The job properties a handler was registered with. */
    private static Dictionary<String, Object> properties(ServiceRegistration<JobHandler> registration) {
        Dictionary<String, Object> properties = new Hashtable<>();
        try {
            for (String key : registration.getReference().getPropertyKeys()) {
                if (key.startsWith("aibase.job.")) {
                    properties.put(key, registration.getReference().getProperty(key));
                }
            }
        } catch (IllegalStateException e) {
            // unregistered with its stand-in: it matches nothing
        }
        return properties;
    }

    /** Progress an attempt running in the plugin's JVM reports, recorded on the engine's context of that attempt. */
    private Map<String, Object> progress(long standInId, Map<String, Object> request) {
        JobContext attempt = calls.job(text(request, "call"), standInId).orElseThrow(() -> new JobException(
                JobException.NOT_FOUND, "no attempt of this plugin runs as call " + request.get("call")));
        if (!(request.get("fraction") instanceof Number fraction)) {
            throw new IllegalArgumentException("fraction must be a number");
        }
        attempt.progress(fraction.doubleValue(), text(request, "message"));
        return Map.of();
    }
}
