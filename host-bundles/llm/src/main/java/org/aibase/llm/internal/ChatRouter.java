package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ModelInfo;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Usage;
import org.aibase.llm.internal.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the endpoint for a request and sees it through: alias and default resolution, retries with
 * backoff on the same endpoint, a circuit breaker per endpoint, then the fallback chain. Non-retriable
 * failures end the call at once with the provider's reason.
 */
final class ChatRouter {

    static final String NO_PROVIDER_MESSAGE = "No LLM provider is configured: create "
            + "config/org.aibase.llm.provider-openai.cfg (copy one of config/examples/*.cfg.example: "
            + "OpenAI, Azure OpenAI, Anthropic or Ollama)";

    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final RoutingPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();

    ChatRouter(RoutingPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = new Backoff(policy.backoffInitial(), policy.backoffMax(), random);
    }

    /** Answers the request with the given endpoints (a snapshot taken by the caller). */
    ChatResponse chat(ChatRequest request, List<ChatEndpoint> endpoints) {
        return chat(request, endpoints, AttemptListener.NONE);
    }

    /** Answers the request, telling the listener about every request sent to a provider. */
    ChatResponse chat(ChatRequest request, List<ChatEndpoint> endpoints, AttemptListener listener) {
        if (endpoints.isEmpty()) {
            throw new LlmException(Kind.UNAVAILABLE, NO_PROVIDER_MESSAGE);
        }
        List<ChatEndpoint> ordered = endpoints.stream().sorted(Comparator.comparing(ChatEndpoint::name)).toList();
        String requested = resolve(request.model(), ordered);
        List<ChatEndpoint> primary = serving(requested, ordered);
        if (primary.isEmpty()) {
            throw new LlmException(Kind.BAD_REQUEST, "model '" + requested + "' is not served by any configured "
                    + "LLM endpoint; served: " + servedModels(ordered));
        }
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(requested);
        policy.fallback().forEach(m -> candidates.add(resolveAlias(m)));
        List<String> failures = new ArrayList<>();
        LlmException last = null;
        boolean first = true;
        for (String model : candidates) {
            List<ChatEndpoint> targets = serving(model, ordered);
            if (targets.isEmpty()) {
                LOG.warn("fallback model '{}' is not served by any configured LLM endpoint", model);
                continue;
            }
            for (ChatEndpoint endpoint : targets) {
                try {
                    return attempt(endpoint, model, request, !first, listener);
                } catch (LlmException e) {
                    if (!e.retriable()) {
                        throw e;
                    }
                    LOG.info("LLM endpoint {} failed for model {} ({}); trying the next candidate",
                            endpoint.name(), model, e.kind());
                    failures.add(e.getMessage());
                    last = e;
                }
                first = false;
            }
        }
        String message = failures.size() == 1 ? failures.get(0)
                : "every candidate failed: " + String.join("; ", failures);
        throw new LlmException(last.kind(), message, last.retryAfter().orElse(null), last);
    }

    /** One endpoint, with retries for retriable failures. */
    private ChatResponse attempt(ChatEndpoint endpoint, String model, ChatRequest request, boolean fallbackUsed,
            AttemptListener listener) {
        Duration timeout = request.timeout().orElse(endpoint.timeout());
        CircuitBreaker circuit = circuit(endpoint.name());
        for (int attempt = 0; ; attempt++) {
            LlmException failure;
            try (ConcurrencyLimit.Permit permit = endpoint.limit().acquire(timeout)) {
                if (!circuit.tryAcquire()) {
                    throw new LlmException(Kind.UNAVAILABLE, endpoint.name() + ": circuit open after repeated "
                            + "failures; next probe at " + circuit.reopensAt());
                }
                Instant start = clock.instant();
                ProviderReply reply = null;
                try {
                    reply = endpoint.client().send(request, model, timeout);
                    circuit.onSuccess();
                    requireJsonWhenAsked(request, reply, endpoint);
                    listener.answered(endpoint.name(), model, reply.usage(), fallbackUsed);
                    return new ChatResponse(reply.content(), reply.model(), endpoint.name(), reply.usage(),
                            reply.finishReason(), Duration.between(start, clock.instant()), fallbackUsed);
                } catch (LlmException e) {
                    if (e.kind() == Kind.TIMEOUT || e.kind() == Kind.UNAVAILABLE) {
                        circuit.onFailure();
                    } else {
                        circuit.onSuccess();
                    }
                    // an answer that was refused afterwards (JSON that does not parse) still cost its tokens
                    listener.failed(endpoint.name(), model, e, reply == null ? Usage.NONE : reply.usage());
                    failure = e;
                } catch (RuntimeException e) {
                    circuit.onFailure();
                    LlmException invalid = new LlmException(Kind.INVALID_RESPONSE, endpoint.name() + ": " + e, e);
                    listener.failed(endpoint.name(), model, invalid, Usage.NONE);
                    throw invalid;
                }
            }
            if (!failure.retriable() || attempt >= policy.maxRetries()) {
                throw failure;
            }
            // a provider that asks for a longer wait than the caller allows is skipped, not waited for
            if (failure.retryAfter().map(d -> d.compareTo(timeout) > 0).orElse(false)) {
                throw failure;
            }
            pause(backoff.delay(attempt, failure.retryAfter()));
        }
    }

    private static void requireJsonWhenAsked(ChatRequest request, ProviderReply reply, ChatEndpoint endpoint) {
        if (request.responseFormat() == ResponseFormat.JSON && !Json.parses(reply.content())) {
            throw new LlmException(Kind.INVALID_RESPONSE, endpoint.name() + ": JSON was requested but the answer "
                    + "does not parse as JSON");
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.UNAVAILABLE, "interrupted while waiting to retry", e);
        }
    }

    /** "default" becomes the configured default (or the first endpoint's first model); aliases become models. */
    String resolve(String requested, List<ChatEndpoint> ordered) {
        if (ChatRequest.DEFAULT_MODEL.equals(requested)) {
            if (!policy.defaultModel().isEmpty()) {
                return resolveAlias(policy.defaultModel());
            }
            return ordered.stream().flatMap(e -> e.models().stream()).findFirst()
                    .orElseThrow(() -> new LlmException(Kind.BAD_REQUEST, "no default model: set default.model in "
                            + "config/org.aibase.llm.router.cfg or list models in a provider configuration"));
        }
        return resolveAlias(requested);
    }

    private String resolveAlias(String name) {
        return policy.aliases().getOrDefault(name, name);
    }

    /** Endpoints that list the model; failing that, those configured without a model list. */
    private static List<ChatEndpoint> serving(String model, List<ChatEndpoint> ordered) {
        List<ChatEndpoint> listing = ordered.stream().filter(e -> e.lists(model)).toList();
        return listing.isEmpty() ? ordered.stream().filter(ChatEndpoint::servesAnyModel).toList() : listing;
    }

    private static String servedModels(List<ChatEndpoint> ordered) {
        return ordered.stream().flatMap(e -> e.models().stream()).distinct().collect(Collectors.joining(", "));
    }

    /** Every model of every endpoint with its circuit state. */
    List<ModelInfo> models(List<ChatEndpoint> endpoints) {
        List<ModelInfo> models = new ArrayList<>();
        endpoints.stream().sorted(Comparator.comparing(ChatEndpoint::name)).forEach(e -> {
            var state = circuit(e.name()).state();
            List<String> names = e.models().isEmpty() ? List.of("*") : e.models();
            names.forEach(m -> models.add(new ModelInfo(m, e.name(), e.type(), state)));
        });
        return List.copyOf(models);
    }

    /** Drops the circuit of an endpoint that went away. */
    void forget(String endpointName) {
        circuits.remove(endpointName);
    }

    CircuitBreaker circuit(String endpointName) {
        return circuits.computeIfAbsent(endpointName,
                n -> new CircuitBreaker(policy.circuitFailures(), policy.circuitOpen(), clock));
    }
}
