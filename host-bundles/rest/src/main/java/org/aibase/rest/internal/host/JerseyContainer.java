package org.aibase.rest.internal.host;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One application's Jersey container, with the requests in flight through it: a request enters
 * before it is handed to Jersey and leaves when its response ends, so the container can be drained
 * (every request finished, streams aside) and then closed without cutting anyone off.
 */
final class JerseyContainer implements Exchange.Ending {

    /** How often a drain looks again even if nobody left: a request may turn into a stream meanwhile. */
    private static final long DRAIN_RECHECK_MILLIS = 50;

    private final String name;
    private final ServletContainer jersey;
    private final Runnable release;
    private final Exchange.Ending ending;
    private final RequestUris uris = new RequestUris();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final Object left = new Object();
    private volatile boolean draining;
    private volatile boolean closed;

    private JerseyContainer(String name, ServletContainer jersey, Runnable release, Exchange.Ending ending) {
        this.name = name;
        this.jersey = jersey;
        this.release = release;
        this.ending = ending;
    }

    /**
     * Builds and initialises the container.
     *
     * @param release gives back what the application's resources hold (service objects), when closed
     * @param ending told of every request's end after the container itself, e.g. a plugin's meter
     * @throws ServletException when Jersey refuses the application (the message says why)
     */
    static JerseyContainer start(String name, ResourceConfig config, ServletContext context, Runnable release,
            Exchange.Ending ending) throws ServletException {
        ServletContainer jersey = new ServletContainer(config);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey finds its injection manager and providers through the context class loader: this
        // bundle's loader sees Jersey and HK2, a plugin's does not
        thread.setContextClassLoader(JerseyContainer.class.getClassLoader());
        try {
            jersey.init(new Config(name, context));
        } catch (RuntimeException e) {
            release.run();
            throw new ServletException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } catch (ServletException e) {
            release.run();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new JerseyContainer(name, jersey, release, ending);
    }

    String name() {
        return name;
    }

    /** The resources Jersey serves here, as it matched them: what the API description describes. */
    ResourceModel resourceModel() {
        return jersey.getApplicationHandler().getInjectionManager().getInstance(ExtendedResourceContext.class)
                .getResourceModel();
    }

    /** The request is about to be served here; false when the container is closed (look up the route again). */
    boolean enter(Exchange exchange) {
        inFlight.add(exchange);
        if (closed) {
            inFlight.remove(exchange);
            return false;
        }
        exchange.endingTo(this);
        return true;
    }

    /** Serves an entered request; on the calling thread, which may be the Jetty thread or a governor thread. */
    void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        RequestUris.Uris given = uris.of(request);
        if (given == null) {
            jersey.service(request, response);
        } else {
            jersey.service(given.base(), given.request(), request, response);
        }
    }

    @Override
    public void ended(Exchange exchange, int status, long nanos) {
        leave(exchange);
        if (ending != null) {
            ending.ended(exchange, status, nanos);
        }
    }

    /** The request goes on elsewhere (it is served again by the plugin's next application): no longer in flight here. */
    void leave(Exchange exchange) {
        inFlight.remove(exchange);
        if (draining) { // only a drain waits for requests to leave: no lock on every request's way out
            synchronized (left) {
                left.notifyAll();
            }
        }
    }

    /** Requests in flight that are not streams. */
    int busy() {
        int busy = 0;
        for (Exchange exchange : inFlight) {
            if (!exchange.isStream()) {
                busy++;
            }
        }
        return busy;
    }

    /**
     * Waits until every request in flight has ended, streams aside, at most {@code timeoutMillis}.
     *
     * @return the requests still busy when it gave up (0 when drained)
     */
    int drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        draining = true;
        int busy;
        while ((busy = busy()) > 0) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return busy;
            }
            synchronized (left) {
                left.wait(Math.min(remaining, DRAIN_RECHECK_MILLIS));
            }
        }
        return 0;
    }

    /** Closes what is still open (streams: their clients reconnect), then Jersey and the application's resources. */
    void close() {
        closed = true;
        for (Exchange exchange : inFlight) {
            exchange.complete();
        }
        try {
            jersey.destroy();
        } finally {
            release.run();
        }
    }

    /** The servlet configuration Jersey initialises with: no parameters, the host's servlet context. */
    private record Config(String name, ServletContext context) implements ServletConfig {

        @Override
        public String getServletName() {
            return name;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}
