package org.aibase.rest.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.core.Response;

import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.WorkUnit;
import org.glassfish.jersey.process.internal.RequestContext;
import org.glassfish.jersey.process.internal.RequestScope;

/**
 * Calls one resource method of a plugin on a governor thread. The method's answer comes back as a
 * {@code CompletionStage} entity, which Jersey takes as an asynchronous response: the Jetty thread is
 * free at once, and the client gets the value, the plugin's own error, or the governor's 429/503.
 * A {@code void} method is the exception: Jersey answers 204 for it without looking at what the
 * handler returns, so its Jetty thread waits for the governor's answer.
 */
final class GovernedCall implements InvocationHandler {

    private final Governor governor;
    private final WorkUnit unit;
    private final GovernorSwitch governorSwitch;
    private final RequestScope requestScope;

    /** @param unit what every call of this method is to the governor (made once: calls are many) */
    GovernedCall(Governor governor, WorkUnit unit, GovernorSwitch governorSwitch, RequestScope requestScope) {
        this.governor = governor;
        this.unit = unit;
        this.governorSwitch = governorSwitch;
        this.requestScope = requestScope;
    }

    @Override
    public Object invoke(Object resource, Method method, Object[] args) throws Throwable {
        if (!governorSwitch.enabled()) {
            return method.invoke(resource, args);
        }
        CompletableFuture<Object> answer = new CompletableFuture<>();
        // the request's scope goes along: @Context proxies in the resource resolve on the governor's thread too
        RequestContext request = requestScope.referenceCurrent();
        AtomicBoolean started = new AtomicBoolean();
        governor.submit(unit, () -> {
            started.set(true);
            try {
                return requestScope.runInScope(request, (java.util.concurrent.Callable<Object>) () -> call(resource, method, args));
            } finally {
                request.release();
            }
        }).whenComplete((value, failure) -> {
            if (!started.get()) {
                request.release(); // refused or stopped before it ran: the work never took its reference
            }
            Throwable cause = unwrap(failure);
            if (cause == null) {
                answer.complete(value);
            } else if (cause instanceof GovernorException refused) {
                answer.complete(response(refused));
            } else {
                answer.completeExceptionally(cause); // the plugin's own exception, for the exception mappers
            }
        });
        if (method.getReturnType() == void.class) {
            return awaitVoid(answer);
        }
        // a Response with a CompletionStage entity suits every return type Jersey dispatches on
        return Response.ok(answer).build();
    }

    private static Object awaitVoid(CompletableFuture<Object> answer) throws Throwable {
        try {
            Object value = answer.get();
            if (value instanceof Response refused) {
                throw new jakarta.ws.rs.WebApplicationException(refused);
            }
            return null;
        } catch (ExecutionException e) {
            throw new InvocationTargetException(e.getCause());
        }
    }

    private static Object call(Object resource, Method method, Object[] args) throws Exception {
        try {
            return method.invoke(resource, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The governor's refusal as our JSON error; 429 tells the client when to retry. */
    static Response response(GovernorException refused) {
        Response json = ApiError.response(refused.reason().status(), refused.reason().code(), refused.getMessage(),
                refused.details());
        return refused.reason() == GovernorException.Reason.TOO_MANY_REQUESTS
                ? Response.fromResponse(json).header("Retry-After", "1").build()
                : json;
    }
}
