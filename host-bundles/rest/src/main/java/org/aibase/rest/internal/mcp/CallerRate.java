package org.aibase.rest.internal.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many MCP messages each caller (an API key, or a browser session) may send: a token bucket per
 * caller holding a minute's allowance, refilled continuously. An agent in a loop is slowed with 429
 * before it can drown the runtime in sessions or calls; the governor's per-plugin limits still apply
 * to the calls that pass.
 */
final class CallerRate {

    /** Callers remembered at most; past it, the buckets are forgotten (everyone starts full again). */
    private static final int MAX_CALLERS = 10_000;

    private final double perMinute;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    CallerRate(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** Takes one message's allowance; false when the caller has used its minute's worth. */
    boolean admit(String caller) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear();
        }
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMinute / 60e9);
            bucket.at = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Seconds until the caller has one message's allowance again. */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60 / perMinute));
    }
}
