package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.aibase.isolation.child.ChildProtocol;
import org.glassfish.jersey.server.ChunkedOutput;

import okhttp3.Request;
import okio.BufferedSink;

/**
 * An isolated plugin's URL space in the runtime: every request under {@code /api/v1/<id>/} goes, as it
 * came (method, path, query, headers, streamed body), to the plugin's JVM, and its answer streams
 * back. It is served like any plugin resource, so the host's routing, governor (timeout, concurrency,
 * metering) and sign-in apply unchanged; the caller's credentials stay here, the JVM learns only the
 * caller's role. A call past the plugin's timeout is interrupted in the JVM, which is killed if the
 * call still runs after the runaway grace.
 */
@Path("")
public final class ForwardingResource {

    /** Headers of one hop only, and the channel's own: never forwarded either way. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-connection", "content-length", "host",
            ChildProtocol.SECRET_HEADER.toLowerCase(Locale.ROOT), ChildProtocol.CALL_HEADER.toLowerCase(Locale.ROOT),
            ChildProtocol.ROLE_HEADER.toLowerCase(Locale.ROOT));
    private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH");

    private static final String EVENT_STREAM = "text/event-stream";

    private final String pluginId;
    private final long standInId;
    private final ChildSupervisor supervisor;
    private final CallsInFlight calls;
    private final Executor streams;

    /** {@code streams} pumps event streams from the plugin's JVM to their callers, one thread each while they last. */
    ForwardingResource(String pluginId, long standInId, ChildSupervisor supervisor, CallsInFlight calls, Executor streams) {
        this.pluginId = pluginId;
        this.standInId = standInId;
        this.supervisor = supervisor;
        this.calls = calls;
        this.streams = streams;
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller) {
        return forward("GET", path, headers, uri, caller, null);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller) {
        return forward("HEAD", path, headers, uri, caller, null);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller, InputStream body) {
        return forward("DELETE", path, headers, uri, caller, body);
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller) {
        return forward("OPTIONS", path, headers, uri, caller, null);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller, InputStream body) {
        return forward("POST", path, headers, uri, caller, body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller, InputStream body) {
        return forward("PUT", path, headers, uri, caller, body);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext caller, InputStream body) {
        return forward("PATCH", path, headers, uri, caller, body);
    }

    private Response forward(String method, String path, HttpHeaders headers, UriInfo uri, SecurityContext caller,
            InputStream body) {
        ChildChannel channel;
        try {
            channel = supervisor.channel(ChildSupervisor.WAIT_FOR_START);
        } catch (ChildSupervisor.ChildUnavailable e) {
            return unavailable(e.state(), "Plugin '" + pluginId + "' is " + e.state() + " in its own JVM; retry shortly",
                    e.retryAfterSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("timeout", "Plugin '" + pluginId + "' did not answer in time", 1);
        }
        String call = UUID.randomUUID().toString();
        Request.Builder request = channel.request(channel.url("/api/v1/" + pluginId + "/" + path,
                uri.getRequestUri().getRawQuery()));
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.addHeader(name, value));
            }
        });
        String host = headers.getHeaderString(HttpHeaders.HOST);
        if (host != null) {
            request.header("Host", host); // the plugin builds its links with the caller's host, not the channel's
        }
        request.header(ChildProtocol.CALL_HEADER, call);
        request.header(ChildProtocol.ROLE_HEADER, caller.isUserInRole("admin") ? "admin"
                : caller.isUserInRole("user") ? "user" : "");
        okhttp3.RequestBody content = body == null ? null : streamed(body, headers.getMediaType());
        request.method(method, content == null && BODY_REQUIRED.contains(method) ? okhttp3.RequestBody.create(new byte[0])
                : content);
        okhttp3.Response answer;
        // the plugin may call back into the runtime until its answer ends, acting for this caller
        CallsInFlight.Scope inFlight = calls.begin(call, standInId);
        try {
            answer = channel.send(request.build());
        } catch (InterruptedIOException e) {
            inFlight.close();
            supervisor.overran(channel, call, method + " /api/v1/" + pluginId + "/" + path);
            return unavailable("timeout", "Plugin '" + pluginId + "' did not answer within its timeout", 1);
        } catch (IOException e) {
            inFlight.close();
            // its JVM ended, or its answer broke the channel's limits (e.g. more than 256 KB of headers)
            return unavailable("restarting", "Plugin '" + pluginId + "' broke off the call in its own JVM (its JVM "
                    + "ended, or its answer was not one the runtime forwards); retry shortly", 1);
        }
        Response.ResponseBuilder response = Response.status(answer.code());
        for (String name : answer.headers().names()) {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                answer.headers(name).forEach(value -> response.header(name, value));
            }
        }
        if (method.equals("HEAD") || answer.body() == null) {
            answer.close();
            inFlight.close();
            return response.build();
        }
        if (String.valueOf(answer.header("Content-Type")).startsWith(EVENT_STREAM)) {
            // each piece as it comes: Jersey holds back a streamed entity's first 8 KB (to tell its length),
            // a chunked output it writes and flushes piece by piece
            ChunkedOutput<byte[]> events = new ChunkedOutput<>(byte[].class);
            streams.execute(() -> pump(answer, events, inFlight));
            return response.entity(events).build();
        }
        StreamingOutput entity = out -> copy(answer, out, inFlight);
        return response.entity(entity).build();
    }

    /** An event stream from the plugin's JVM to its caller, until either end closes it. */
    private void pump(okhttp3.Response answer, ChunkedOutput<byte[]> events, CallsInFlight.Scope inFlight) {
        try (inFlight; answer; InputStream in = answer.body().byteStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0 && !events.isClosed(); n = in.read(buffer)) {
                events.write(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // the caller went, or the plugin's JVM: the other end is closed below
        } finally {
            try {
                events.close();
            } catch (IOException e) {
                // closed by the caller already
            }
        }
    }

    /** The answer's body as it arrives, flushed as it comes (so event streams flow); the call ends with it. */
    private static void copy(okhttp3.Response answer, OutputStream out, CallsInFlight.Scope inFlight) throws IOException {
        try (inFlight; answer; InputStream in = answer.body().byteStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }

    private static okhttp3.RequestBody streamed(InputStream body, MediaType type) {
        okhttp3.MediaType media = type == null ? null : okhttp3.MediaType.parse(type.toString());
        return new okhttp3.RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return media;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] buffer = new byte[8192];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    sink.write(buffer, 0, n);
                }
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }

    private static Response unavailable(String code, String message, long retryAfterSeconds) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Response.status(503).header("Retry-After", retryAfterSeconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error)).build();
    }
}
