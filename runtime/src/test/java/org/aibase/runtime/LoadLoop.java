package org.aibase.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients calling one URL in a loop, as a busy production system would while an operator changes
 * plugins: every answer's status is counted, the distinct bodies of successful answers kept, and
 * every other answer kept whole, so a test can say exactly what went wrong.
 */
final class LoadLoop implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads;
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong maxMillis = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean running = true;
    private volatile String lastBody = "";

    private LoadLoop(int clients, String url, String apiKey) {
        threads = Executors.newFixedThreadPool(clients);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        for (int i = 0; i < clients; i++) {
            threads.execute(() -> {
                while (running) {
                    call(request);
                }
            });
        }
    }

    /** Starts {@code clients} threads calling the URL with the API key until closed. */
    static LoadLoop start(int clients, String url, String apiKey) {
        return new LoadLoop(clients, url, apiKey);
    }

    private void call(HttpRequest request) {
        long started = System.nanoTime();
        int status;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 200) {
                bodies.add(response.body());
                lastBody = response.body();
            } else if (failures.size() < 50) {
                failures.add(status + " " + response.body());
            }
        } catch (Exception e) {
            status = -1;
            if (failures.size() < 50) {
                failures.add("no answer: " + e);
            }
        }
        requests.incrementAndGet();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        maxMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
    }

    /** Waits until a successful answer carries the text, at most the timeout; false when it never came. */
    boolean awaitBody(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lastBody.contains(text)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Requests answered so far. */
    int requests() {
        return requests.get();
    }

    /** Answers by status (-1: no answer at all). */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Answers that were not 200. */
    int failed() {
        return statuses().entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum();
    }

    /** The distinct bodies of the 200 answers. */
    Set<String> bodies() {
        return Set.copyOf(bodies);
    }

    /** Up to 50 answers that were not 200, each with its status and body. */
    List<String> failures() {
        return new ArrayList<>(failures);
    }

    /** The slowest answer, in milliseconds. */
    long maxMillis() {
        return maxMillis.get();
    }

    /** What happened, for an assertion message. */
    String summary() {
        return requests() + " requests, statuses " + statuses() + ", slowest " + maxMillis() + " ms, not 200: " + failures();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
