package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.JsonAnswers;
import org.aibase.isolation.child.LlmWire;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's services as isolated plugins' JVMs reach them: HTTP on 127.0.0.1, each call proven by
 * its child's secret, which names the plugin. A call runs with the service the platform gives that
 * plugin's stand-in bundle (the LLM service is one instance per plugin), so routing, budgets, token
 * limits and metering are the plugin's exactly as in-process. Only what the plugin's permissions grant
 * is there: a child of a plugin without {@code llm} is answered 403.
 */
final class RuntimeServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeServices.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final HttpServer server;
    private final ExecutorService threads = new ThreadPoolExecutor(2, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            work -> {
                Thread thread = new Thread(work, "aibase-isolated-services");
                thread.setDaemon(true);
                return thread;
            });
    /** The stand-in bundle of each child, by the child's secret. */
    private final Map<String, Bundle> children = new ConcurrentHashMap<>();
    /**
     * The LLM service as each stand-in gets it, by bundle id: held while the plugin runs (the service is
     * one instance per plugin; getting and releasing it per call would build it per call).
     */
    private final Map<Long, ServiceTracker<LlmService, LlmService>> llms = new ConcurrentHashMap<>();

    RuntimeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext(ChildProtocol.LLM + "/", this::llm);
        server.start();
    }

    /** Where a child calls, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A child's secret, and the stand-in bundle its calls are made for. */
    void admit(String secret, Bundle standIn) {
        children.put(secret, standIn);
    }

    /** Forgets every child of the stand-in with this bundle id. */
    void forget(long standInId) {
        children.values().removeIf(standIn -> standIn.getBundleId() == standInId);
        ServiceTracker<LlmService, LlmService> llm = llms.remove(standInId);
        if (llm != null) {
            llm.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        llms.values().forEach(ServiceTracker::close);
        llms.clear();
    }

    /** The LLM service the stand-in is given, if it is (it has {@code llm}, and the service runs). */
    private LlmService llmOf(Bundle standIn) {
        BundleContext context = standIn.getBundleContext();
        if (context == null) {
            return null;
        }
        return llms.computeIfAbsent(standIn.getBundleId(), id -> {
            ServiceTracker<LlmService, LlmService> tracker = new ServiceTracker<>(context, LlmService.class, null);
            tracker.open();
            return tracker;
        }).getService();
    }

    private void llm(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Bundle standIn = children.get(String.valueOf(exchange.getRequestHeaders().getFirst(ChildProtocol.SECRET_HEADER)));
            LlmService llm = standIn == null ? null : llmOf(standIn);
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
}
