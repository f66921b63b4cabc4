package org.aibase.rest.internal.host;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request on its way through the host, from the dispatcher to its end: the end is when the
 * response is complete, which for an asynchronous response (the host's hand-off to a governor
 * thread, a plugin's {@code AsyncResponse}, a server-sent event stream) comes after the servlet's
 * {@code service} has returned. Whatever the request entered is told once, when it ends.
 */
final class Exchange implements AsyncListener {

    /** Told once when an exchange ends, with the status it ended with. */
    interface Ending {
        void ended(Exchange exchange, int status, long nanos);
    }

    private static final String EVENT_STREAM = "text/event-stream";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile AsyncContext async;
    private volatile boolean applicationAsync;
    private volatile Ending ending;
    private volatile boolean metered;

    Exchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** Counts the request in its plugin's meter (not when the governor is switched off to measure what it costs). */
    void metered() {
        metered = true;
    }

    boolean isMetered() {
        return metered;
    }

    /** Who is told of the end; set when the exchange enters a container. */
    void endingTo(Ending to) {
        this.ending = to;
    }

    /**
     * Makes the response asynchronous for the host (a hand-off, or a held request): the request and
     * response given are what the application will see. Started once.
     */
    synchronized void startAsync(ServletRequest forApplication, ServletResponse responseForApplication) {
        if (async == null) {
            AsyncContext context = request.startAsync(forApplication, responseForApplication);
            context.setTimeout(0); // the governor owns time limits; a held request has its own deadline
            context.addListener(this);
            async = context;
        }
    }

    /** Whether the response is asynchronous already (the host's or the application's). */
    boolean asyncStarted() {
        return async != null;
    }

    /** The application suspends its response (Jersey's {@code AsyncResponse}, server-sent events). */
    synchronized AsyncContext applicationAsync(ServletRequest forApplication, ServletResponse responseForApplication) {
        applicationAsync = true;
        startAsync(forApplication, responseForApplication);
        return new ApplicationAsync(async, this);
    }

    /** The application's own asynchronous response, if it suspended one: it completes the exchange itself. */
    boolean suspendedByApplication() {
        return applicationAsync;
    }

    /** A server-sent event stream: long-lived by nature, closed (not awaited) when its container goes. */
    boolean isStream() {
        String type = response.getContentType();
        return applicationAsync && type != null && type.startsWith(EVENT_STREAM);
    }

    /**
     * The application's container returned from {@code service}: a synchronous response has ended;
     * an asynchronous one the host started is complete, unless the application suspended it and
     * completes it itself later.
     */
    void serviced() {
        if (async == null) {
            end(response.getStatus());
        } else if (!applicationAsync) {
            complete();
        }
    }

    /** Completes the asynchronous response, once, whoever asks first. */
    void complete() {
        AsyncContext context = async;
        if (context != null && completed.compareAndSet(false, true)) {
            try {
                context.complete();
            } catch (IllegalStateException e) {
                end(response.getStatus()); // the container completed it already (e.g. the client went away)
            }
        }
    }

    long startedNanos() {
        return startedNanos;
    }

    private void end(int status) {
        if (ended.compareAndSet(false, true)) {
            Ending to = ending;
            if (to != null) {
                to.ended(this, status, System.nanoTime() - startedNanos);
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ServletResponse answered = event.getSuppliedResponse();
        end(answered instanceof HttpServletResponse http ? http.getStatus() : response.getStatus());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        complete();
    }

    @Override
    public void onError(AsyncEvent event) {
        complete(); // the client went away or the connection failed: nothing more to send
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this); // a restarted async context keeps this listener
    }

    /** What Jersey sees of the asynchronous response: completing it completes the exchange once. */
    private record ApplicationAsync(AsyncContext context, Exchange exchange) implements AsyncContext {

        @Override
        public ServletRequest getRequest() {
            return context.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return context.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return context.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            context.dispatch();
        }

        @Override
        public void dispatch(String path) {
            context.dispatch(path);
        }

        @Override
        public void dispatch(jakarta.servlet.ServletContext servletContext, String path) {
            context.dispatch(servletContext, path);
        }

        @Override
        public void complete() {
            exchange.complete();
        }

        @Override
        public void start(Runnable run) {
            context.start(run);
        }

        @Override
        public void addListener(AsyncListener listener) {
            context.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
            context.addListener(listener, servletRequest, servletResponse);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) throws jakarta.servlet.ServletException {
            return context.createListener(type);
        }

        @Override
        public void setTimeout(long timeout) {
            // the host's timeout stays: 0 (never) for every asynchronous response
        }

        @Override
        public long getTimeout() {
            return context.getTimeout();
        }
    }
}
