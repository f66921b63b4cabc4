package org.aibase.rest.internal.host;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.rest.internal.GovernorSwitch;
import org.aibase.rest.internal.QuarantineNotice;
import org.aibase.rest.internal.StackTraces;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Requester;
import org.aibase.sandbox.WorkUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves plugin requests: a request takes its plugin's route once and keeps it to its end. A served
 * plugin's request goes to the {@link Governor}, which runs the whole of it (Jersey, the plugin's
 * code, writing the response) on a governor thread under the plugin's limits, so no Jetty thread
 * waits for a plugin; a held request waits (asynchronously) for the plugin's next revision; a plugin
 * without a route gets the answer for its state, in the platform's JSON error shape.
 */
final class PluginCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCalls.class);

    /** A little more than the timeout: requests past it have been answered by the governor already. */
    private static final long DRAIN_MARGIN_MILLIS = 1000;

    private final RouteTable routes;
    private final Governor governor;
    private final GovernorSwitch governorSwitch;
    private final PluginLimits limits;
    private final PluginRegistry registry;
    private final ScheduledExecutorService tasks;

    PluginCalls(RouteTable routes, Governor governor, GovernorSwitch governorSwitch, PluginLimits limits,
            PluginRegistry registry, ScheduledExecutorService tasks) {
        this.routes = routes;
        this.governor = governor;
        this.governorSwitch = governorSwitch;
        this.limits = limits;
        this.registry = registry;
        this.tasks = tasks;
    }

    /** Routes the call: to its plugin's application, into the hold, or to the answer for the plugin's state. */
    void dispatch(PluginCall call) {
        while (true) {
            Route route = routes.get(call.pluginId());
            if (route instanceof Route.Served served) {
                if (page(served.application(), call)) {
                    return;
                }
                if (served.application().container().enter(call.exchange())) {
                    serve(served.application(), call);
                    return;
                }
            } else if (route instanceof Route.Held hold) {
                if (park(hold.calls(), call)) {
                    return;
                }
            } else {
                unavailable(call, route);
                return;
            }
            // the route changed between reading and entering it: read it again
        }
    }

    /** Serves a file of the plugin's page, if the call names one: host code, on the calling thread. */
    private boolean page(PluginApplication application, PluginCall call) {
        // the path first: it rules out nearly every call without asking the wrapped request for its method
        Optional<java.net.URL> file = StaticPages.file(application.bundle(), call.request().getPathInfo());
        if (file.isEmpty()) {
            return false;
        }
        String method = call.request().getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        Exchange exchange = call.exchange();
        try {
            StaticPages.serve(file.get(), method.equals("HEAD"), exchange.response());
        } catch (IOException e) {
            LOG.debug("Could not send {}: {}", call.name(), e.toString());
        } finally {
            if (exchange.asyncStarted()) {
                exchange.complete();
            }
        }
        return true;
    }

    /** How long a plugin's requests in flight may take to finish: each is bounded by its timeout. */
    long drainMillis(PluginDescriptor plugin) {
        return timeoutMillis(plugin) + DRAIN_MARGIN_MILLIS;
    }

    private long timeoutMillis(PluginDescriptor plugin) {
        return limits.effective(plugin).timeout().orElseThrow().toMillis();
    }

    private void serve(PluginApplication application, PluginCall call) {
        Exchange exchange = call.exchange();
        if (!governorSwitch.enabled()) { // off only to measure the governor: no limits, no meters
            try {
                application.container().service(call.request(), call.response());
            } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
                escaped(application, call, e);
            } finally {
                exchange.serviced();
            }
            return;
        }
        if (!exchange.isMetered()) { // counted once, also when served again
            exchange.metered();
            application.meter().started();
        }
        exchange.startAsync(call.request(), call.response());
        WorkUnit unit = new WorkUnit(application.descriptor(), WorkUnit.Kind.REQUEST, call.name(), application.loader());
        governor.submit(unit, Requester.actingFor(call.request().caller().requester(), () -> {
            application.container().service(call.request(), call.response());
            return null;
        })).whenComplete((ignored, failure) -> {
            if (failure == null) {
                exchange.serviced();
            } else if (EndpointGone.causes(failure) && call.response().takeOver()) {
                // no plugin code ran and nothing was sent: the plugin's next application serves it
                exchange.response().reset();
                application.container().leave(exchange);
                tasks.execute(() -> dispatch(call.again()));
            } else {
                // before the governor interrupts the work: what it still writes goes nowhere; the answer
                // itself is written off the thread that stopped it (the watchdog), as taking over may wait
                call.response().withdraw();
                tasks.execute(() -> stopped(application, call, failure));
            }
        });
    }

    private void stopped(PluginApplication application, PluginCall call, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof GovernorException refused) {
            answer(call, refused.reason().status(), refused.reason().code(), refused.getMessage(), refused.details());
        } else {
            escaped(application, call, cause);
        }
    }

    /** A failure Jersey did not map (it maps every exception of a resource): the container itself failed. */
    private void escaped(PluginApplication application, PluginCall call, Throwable cause) {
        if (!(routes.get(application.id()) instanceof Route.Served served) || served.application() != application) {
            LOG.debug("A request to plugin {} met its application closing: {}", application.id(), cause.toString());
            answer(call, 503, "plugin_unavailable", "Plugin '" + application.id()
                    + "' is changing (stopping or updating); retry shortly", Map.of());
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} serving {}", errorId, call.name(), StackTraces.cut(cause));
        answer(call, 500, "internal_error", "An unexpected error occurred; the server log has the details under error id "
                + errorId, Map.of("error_id", errorId));
    }

    private boolean park(HeldCalls held, PluginCall call) {
        call.exchange().startAsync(call.request(), call.response());
        if (!held.park(call)) {
            return false;
        }
        long timeout = registry.plugin(call.pluginId()).flatMap(PluginRecord::descriptor).map(this::timeoutMillis)
                .orElse(DRAIN_MARGIN_MILLIS);
        tasks.schedule(() -> {
            if (held.remove(call)) {
                answer(call, 503, "plugin_unavailable", "Plugin '" + call.pluginId() + "' is still changing after "
                        + timeout + " ms (its limits.timeout); retry shortly", Map.of());
            }
        }, timeout, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The answer for a plugin without a route, by what the registry knows of it. */
    private void unavailable(PluginCall call, Route route) {
        String id = call.pluginId();
        if (route instanceof Route.Broken broken) {
            answer(call, 503, "plugin_unavailable", "Plugin '" + id + "' is active but " + broken.reason(),
                    Map.of("state", "active"));
            return;
        }
        Optional<PluginRecord> plugin = registry.plugin(id);
        if (plugin.isEmpty() || plugin.get().bundleId().isEmpty()) {
            answer(call, 404, "not_found", "No plugin '" + id + "' is installed", Map.of());
            return;
        }
        PluginRecord record = plugin.get();
        if (record.state() == PluginState.ACTIVE) {
            answer(call, 404, "not_found", "Plugin '" + id + "' serves no HTTP resources: its plugin.yaml does not grant "
                    + "the http permission", Map.of());
            return;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("state", record.state().id());
        record.reason().ifPresent(reason -> details.put("reason", reason));
        if (record.state() == PluginState.QUARANTINED) {
            answer(call, 503, "quarantined", QuarantineNotice.message(id, record), QuarantineNotice.details(record));
        } else {
            answer(call, 503, "plugin_unavailable", "Plugin '" + id + "' is " + record.state().id()
                    + record.reason().map(r -> ": " + r).orElse("") + "; it serves no requests until it is active", details);
        }
    }

    /** Answers in the platform's JSON shape, unless the response was sent already; ends an asynchronous exchange. */
    private void answer(PluginCall call, int status, String code, String message, Map<String, ?> details) {
        Exchange exchange = call.exchange();
        HttpServletResponse response = exchange.response();
        try {
            if (call.response().takeOver()) {
                response.reset();
                ErrorAnswers.write(response, status, code, message, details);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not answer {}: {}", call.name(), e.toString());
        } finally {
            if (exchange.asyncStarted()) {
                exchange.complete();
            }
        }
    }
}
