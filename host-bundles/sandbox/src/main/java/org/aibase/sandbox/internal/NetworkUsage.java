package org.aibase.sandbox.internal;

import java.util.concurrent.atomic.AtomicLong;

/** A plugin's outbound HTTP use, for the usage meters: calls made, refused and failed, bytes each way. */
final class NetworkUsage {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();

    /** A snapshot of the counters. */
    record Snapshot(long calls, long refused, long failed, long bytesSent, long bytesReceived) {
    }

    void called(long sent, long received) {
        calls.incrementAndGet();
        bytesSent.addAndGet(sent);
        bytesReceived.addAndGet(received);
    }

    void refused() {
        refused.incrementAndGet();
    }

    void failed(long sent) {
        failed.incrementAndGet();
        bytesSent.addAndGet(sent);
    }

    Snapshot snapshot() {
        return new Snapshot(calls.get(), refused.get(), failed.get(), bytesSent.get(), bytesReceived.get());
    }
}
