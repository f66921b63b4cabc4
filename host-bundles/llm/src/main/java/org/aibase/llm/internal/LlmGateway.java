package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ModelInfo;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.LlmStatus;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.TokenWindow;
import org.aibase.llm.UsageRecord;
import org.aibase.sandbox.PlatformThreads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The one router behind every plugin's {@link org.aibase.api.llm.LlmService}: routes each request over
 * the configured endpoints, enforces the caller's hourly token budget and counts what it used. It is
 * not an {@code LlmService} itself, so the per-plugin facade is the only one registered and no call
 * goes unattributed. It exists even with no endpoint, so plugins can start; calls then fail
 * UNAVAILABLE saying which file to create.
 */
@Component(service = {LlmGateway.class, LlmUsage.class, LlmStatus.class},
        configurationPid = {RouterConfiguration.PID, BudgetDefaults.SANDBOX_PID},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LlmGateway implements LlmUsage, LlmStatus {

    private static final int ASYNC_THREADS = 4;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ConfiguredEndpoint> configured = List.of();

    private final ChatRouter router;
    private final TokenBudgets budgets;
    private final ResponseCache cache;
    private final UsageLedger ledger = new UsageLedger();
    private final ExecutorService async;
    private final long defaultTokensPerHour;

    /** Activated by DS with the router configuration and the sandbox's default budget (or their defaults). */
    @Activate
    public LlmGateway(RouterConfiguration config, BudgetDefaults budgetDefaults) {
        this(config, budgetDefaults.default_llm_tokens_per_hour(), Clock.systemUTC());
    }

    LlmGateway(RouterConfiguration config, long defaultTokensPerHour, Clock clock) {
        if (defaultTokensPerHour <= 0) {
            throw new IllegalArgumentException(BudgetDefaults.SANDBOX_PID
                    + ": default.llm.tokens.per.hour must be positive, not " + defaultTokensPerHour);
        }
        this.defaultTokensPerHour = defaultTokensPerHour;
        this.router = new ChatRouter(RoutingPolicy.from(config), clock, Sleeper.THREAD,
                () -> ThreadLocalRandom.current().nextDouble());
        this.budgets = new TokenBudgets(clock);
        if (config.cache_size() < 0 || config.cache_ttl_seconds() <= 0) {
            throw new IllegalArgumentException(RouterConfiguration.PID
                    + ": cache.size must be 0 or more and cache.ttl.seconds positive");
        }
        this.cache = new ResponseCache(config.cache_size(), Duration.ofSeconds(config.cache_ttl_seconds()), clock);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                PlatformThreads.numbered("aibase-llm-async-", LlmGateway.class.getClassLoader()));
        pool.allowCoreThreadTimeOut(true);
        this.async = pool;
    }

    /** Answers the caller's request within its budget, counting the call against it. */
    ChatResponse chat(Caller caller, ChatRequest request) {
        Optional<ChatResponse> cached = cache.get(request);
        if (cached.isPresent()) {
            return cached.get(); // no provider call: no tokens spent, nothing to count
        }
        CallRecorder recorder = new CallRecorder(caller, ledger, budgets);
        try {
            budgets.admit(caller);
            ChatResponse response = router.chat(request, current(), recorder);
            cache.put(request, response);
            return response;
        } catch (LlmException e) {
            recorder.refusedUnlessAttempted(request.model(), e);
            throw e;
        }
    }

    /** {@link #chat} on the gateway's threads. */
    CompletionStage<ChatResponse> chatAsync(Caller caller, ChatRequest request) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        try {
            async.execute(() -> {
                try {
                    result.complete(chat(caller, request));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new LlmException(Kind.UNAVAILABLE, "the LLM service is stopping", e));
        }
        return result;
    }

    /** The budget of a plugin that declares none. */
    long defaultTokensPerHour() {
        return defaultTokensPerHour;
    }

    /** Every model of every endpoint with its circuit state. */
    List<ModelInfo> models() {
        return router.models(current());
    }

    @Override
    public List<EndpointStatus> endpoints() {
        return configured.stream().sorted(Comparator.comparing(c -> c.endpoint().name())).map(c -> {
            ChatEndpoint e = c.endpoint();
            return new EndpointStatus(e.name(), e.type(), e.models(), router.circuit(e.name()).state(), c.keySet());
        }).toList();
    }

    @Override
    public List<UsageRecord> usage() {
        return ledger.snapshot();
    }

    @Override
    public List<TokenWindow> windows() {
        return budgets.snapshot();
    }

    @Deactivate
    void deactivate() {
        async.shutdownNow();
    }

    private List<ChatEndpoint> current() {
        return configured.stream().map(ConfiguredEndpoint::endpoint).toList();
    }
}
