package org.aibase.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A request body that breaks off or arrives malformed on the wire (a bad chunk, a connection that
 * closes mid-body) fails while an entity is read, as an {@code IOException} from the servlet
 * container: the caller's fault, answered 400, not an unexpected 500. Wraps every entity reader of
 * the platform's and the plugins' applications; JSON that is read but wrong goes on to its own mapper.
 */
@Priority(Priorities.ENTITY_CODER)
public final class BodyReadFailures implements ReaderInterceptor {

    static final String MESSAGE = "The request body could not be read: it broke off or is malformed on the wire"
            + " (check Content-Length or the chunked encoding)";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new BadRequestException(MESSAGE, e);
        }
    }
}
