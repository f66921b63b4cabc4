package org.aibase.llm.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;

import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One endpoint's HTTP client: posts JSON and returns the reply, turning network failures into
 * {@link LlmException}s. One OkHttp client per endpoint so that closing it releases exactly that
 * endpoint's threads and connections.
 */
public final class HttpTransport implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final String endpointName;
    private final OkHttpClient client;

    /** A transport for the named endpoint (the name appears in error messages). */
    public HttpTransport(String endpointName) {
        this.endpointName = endpointName;
        // the per-call timeout bounds the whole exchange; no separate read timeout that could cut a slow answer short
        this.client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Posts a JSON body with the given headers; the whole exchange must finish within the timeout. */
    public HttpReply postJson(HttpUrl url, Map<String, String> headers, String json, Duration timeout) {
        Request request = new Request.Builder()
                .url(url)
                .headers(Headers.of(headers))
                .post(RequestBody.create(json, JSON))
                .build();
        Call call = client.newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            Map<String, String> replyHeaders = new HashMap<>();
            for (String name : response.headers().names()) {
                replyHeaders.put(name.toLowerCase(Locale.ROOT), response.header(name));
            }
            return new HttpReply(response.code(), replyHeaders, response.body().string());
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new LlmException(Kind.UNAVAILABLE, endpointName + ": call interrupted", e);
            }
            throw new LlmException(Kind.TIMEOUT,
                    endpointName + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new LlmException(Kind.UNAVAILABLE, endpointName + ": " + e.getMessage(), e);
        }
    }

    /** Stops the dispatcher's threads and closes pooled connections (OkHttp keeps both otherwise). */
    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
