package org.aibase.rest.internal.mcp;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.aibase.sandbox.PlatformThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Changes of what the MCP servers offer (a plugin's tools and prompts coming or going), applied in
 * their order on one thread of the endpoint. Each change announces {@code list_changed} to every
 * open session, writing to the sessions' streams and waiting for all of them: a client slow to take
 * it must hold up neither the framework thread that starts or stops the plugin (the deployer's, which
 * would then deploy nothing else) nor the plugin's service events.
 */
final class OfferChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OfferChanges.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            PlatformThreads.named("aibase-mcp-offers", OfferChanges.class.getClassLoader()));
    private final Duration closeWait;

    OfferChanges(Duration closeWait) {
        this.closeWait = closeWait;
    }

    /** Applies the change after those asked for before it; a failure goes to {@code failed}. */
    void apply(Supplier<Mono<Void>> change, Consumer<Throwable> failed) {
        try {
            thread.execute(() -> {
                try {
                    change.get().block();
                } catch (RuntimeException e) {
                    failed.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("MCP offers closed; change dropped");
        }
    }

    /** Applies the changes asked for so far (within the wait), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
