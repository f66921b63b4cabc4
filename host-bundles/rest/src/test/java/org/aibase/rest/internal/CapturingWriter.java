package org.aibase.rest.internal;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/** Collects a response body in memory for {@link JerseyWiringTest}. */
final class CapturingWriter implements ContainerResponseWriter {

    private final OutputStream out;

    CapturingWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response)
            throws ContainerException {
        return out;
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
        return false;
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
    }

    @Override
    public void commit() {
    }

    @Override
    public void failure(Throwable error) {
    }

    @Override
    public boolean enableResponseBuffering() {
        return false;
    }
}
