package org.aibase.llm.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's LLM service: routes each request over the configured endpoints. It exists even with
 * no endpoint, so plugins can start; calls then fail UNAVAILABLE saying which file to create.
 */
@Component(service = LlmService.class, configurationPid = RouterConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RouterConfiguration.class)
public final class RoutedLlmService implements LlmService {

    private static final int ASYNC_THREADS = 4;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ConfiguredEndpoint> endpoints = List.of();

    private final ChatRouter router;
    private final ExecutorService async;

    /** Activated by DS with the router configuration (or its defaults). */
    @Activate
    public RoutedLlmService(RouterConfiguration config) {
        this.router = new ChatRouter(RoutingPolicy.from(config), Clock.systemUTC(), Sleeper.THREAD,
                () -> ThreadLocalRandom.current().nextDouble());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "aibase-llm-async-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.async = pool;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return router.chat(request, current());
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        try {
            async.execute(() -> {
                try {
                    result.complete(chat(request));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new LlmException(Kind.UNAVAILABLE, "the LLM service is stopping", e));
        }
        return result;
    }

    @Override
    public List<ModelInfo> models() {
        return router.models(current());
    }

    @Deactivate
    void deactivate() {
        async.shutdownNow();
    }

    private List<ChatEndpoint> current() {
        return endpoints.stream().map(ConfiguredEndpoint::endpoint).toList();
    }
}
