package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.JobContext;
import org.aibase.isolation.child.ChildProtocol;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.AsyncTimeout;

/**
 * The runtime's end of one child JVM's channel: HTTP/1.1 to 127.0.0.1 on the child's port, every call
 * carrying the child's secret. Control calls (task, job, interrupt, running, health) are JSON.
 *
 * <p>A call of the plugin waits for its answer's head at most the plugin's timeout; its body then
 * streams for as long as it flows (an event stream outlives the timeout, as in-process), ended only
 * by {@link #SILENCE} without a byte. A job's attempt waits until it ends or its waiting thread is
 * interrupted, which cancels it.
 */
final class ChildChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** How long a control call (interrupt, running, health) may take. */
    static final Duration CONTROL_WAIT = Duration.ofSeconds(2);

    /** How long an answer's body may be silent before the call is ended. */
    static final Duration SILENCE = Duration.ofMinutes(5);

    /** The plugin's calls. */
    private final OkHttpClient calls;
    /** Jobs' attempts: silent for as long as they run (hours, within limits.job_timeout). */
    private final OkHttpClient attempts;
    /** The runtime's control calls. */
    private final OkHttpClient control;
    private final int port;
    private final String secret;
    private final Duration timeout;

    /** {@code shared} (no read timeout) gives its connection pool and dispatcher; {@code timeout} is the plugin's. */
    ChildChannel(OkHttpClient shared, int port, String secret, Duration timeout) {
        this.calls = shared.newBuilder().readTimeout(SILENCE).build();
        this.attempts = shared;
        this.control = shared.newBuilder().callTimeout(CONTROL_WAIT).build();
        this.port = port;
        this.secret = secret;
        this.timeout = timeout;
    }

    /** A URL of the child: {@code path} starts with {@code /}, {@code query} is raw (or null). */
    HttpUrl url(String path, String query) {
        HttpUrl.Builder url = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(port).encodedPath(path);
        if (query != null && !query.isEmpty()) {
            url.encodedQuery(query);
        }
        return url.build();
    }

    /** A request to the child with its secret. */
    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header(ChildProtocol.SECRET_HEADER, secret);
    }

    /**
     * Sends a call of the plugin and waits, on this thread, for its answer's head at most the plugin's
     * timeout. The caller's thread does the call itself: a hand-over to the client's dispatcher and
     * back costs two thread wake-ups per request, which showed in the hop's tail latency.
     *
     * @throws InterruptedIOException when the head did not come within the plugin's timeout (the call is cancelled)
     */
    Response send(Request request) throws IOException {
        Call call = calls.newCall(request);
        // Okio's watchdog cancels the call at the deadline; the body then streams with no deadline
        AsyncTimeout deadline = new AsyncTimeout() {
            @Override
            protected void timedOut() {
                call.cancel();
            }
        };
        deadline.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        deadline.enter();
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw deadline.exit() ? late() : e;
        }
        if (deadline.exit()) {
            response.close(); // cancelled as it came: no one reads it
            throw late();
        }
        return response;
    }

    private InterruptedIOException late() {
        return new InterruptedIOException("no answer within " + timeout.toMillis() + " ms");
    }

    /** Sends a call that only an interrupt of the waiting thread ends (the call is then cancelled). */
    private static Response sendUntilInterrupted(OkHttpClient client, Request request) throws IOException, InterruptedException {
        Call call = client.newCall(request);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                if (!answer.complete(response)) {
                    response.close(); // given up on already
                }
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            giveUp(call, answer);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void giveUp(Call call, CompletableFuture<Response> answer) {
        if (!answer.completeExceptionally(new CancellationException())) {
            answer.join().close(); // it came just now: no one reads it
        }
        call.cancel();
    }

    private Response sendControl(Request request) throws IOException {
        return control.newCall(request).execute();
    }

    /** Runs a task in the child, within the plugin's timeout; the answer's JSON. */
    Map<String, Object> task(String call, String type, Map<String, Object> config) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("config", config);
        return json(send(controlCall("/task", call, body)));
    }

    /**
     * Runs an attempt of a job in the child, for as long as it takes: the job engine ends it by
     * interrupting the waiting thread ({@code limits.job_timeout}, a cancel). The answer's JSON.
     */
    Map<String, Object> job(String call, JobContext job) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("type", job.type());
        body.put("name", job.name());
        body.put("input", job.input());
        body.put("attempt", job.attempt());
        body.put("node", job.node());
        return json(sendUntilInterrupted(attempts, controlCall("/job", call, body)));
    }

    private Request controlCall(String path, String call, Map<String, Object> body) throws IOException {
        return request(url(ChildProtocol.CONTROL + path, null)).header(ChildProtocol.CALL_HEADER, call)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
    }

    /** Interrupts a call in the child; whether it was running. */
    boolean interrupt(String call) {
        try {
            Request request = request(url(ChildProtocol.CONTROL + "/interrupt/" + call, null))
                    .post(RequestBody.create(new byte[0], JSON_TYPE)).build();
            return Boolean.TRUE.equals(json(sendControl(request)).get("interrupted"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a call still runs in the child (false when the child cannot say). */
    boolean running(String call) throws IOException {
        Request request = request(url(ChildProtocol.CONTROL + "/running/" + call, null)).get().build();
        return Boolean.TRUE.equals(json(sendControl(request)).get("running"));
    }

    /**
     * Whether the JVM on this port answers its health check with this secret: a ready line counts only
     * then, as a plugin's own code writes to the same output and could name another port.
     */
    static boolean answers(OkHttpClient http, int port, String secret) {
        try {
            new ChildChannel(http, port, secret, CONTROL_WAIT).health();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child's health: whether it serves, and its heap's figures. */
    Map<String, Object> health() throws IOException {
        return json(sendControl(request(url(ChildProtocol.CONTROL + "/health", null)).get().build()));
    }

    private static Map<String, Object> json(Response response) throws IOException {
        try (response) {
            if (response.code() != 200) {
                throw new IOException("the plugin's JVM answered " + response.code());
            }
            return JSON.readValue(response.body().byteStream(), OBJECT);
        }
    }
}
