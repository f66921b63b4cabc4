package org.aibase.llm.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.WorkUnit;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link LlmService} a plugin gets: one instance per consuming bundle, which the framework names,
 * so every call is attributed to (and budgeted for) the plugin that made it. Bundles that are not
 * plugins are attributed as {@value Caller#PLATFORM}. Bound statically to the gateway: when its
 * configuration (and so the default budget) changes, facades are created anew.
 */
@Component(service = LlmService.class, scope = ServiceScope.BUNDLE)
public final class PluginLlmService implements LlmService {

    private final LlmGateway gateway;
    private final Caller caller;
    private final Governor governor;
    /** What completing an asynchronous answer is for the governor; empty for a platform bundle. */
    private final Optional<WorkUnit> answering;

    /** Activated by DS for each bundle that gets the service. */
    @Activate
    public PluginLlmService(@Reference LlmGateway gateway, @Reference Governor governor, ComponentContext context) {
        this(gateway, governor, Caller.using(context));
    }

    private PluginLlmService(LlmGateway gateway, Governor governor, Optional<CallingPlugin> plugin) {
        this(gateway, Caller.of(plugin, gateway.defaultTokensPerHour()), governor, plugin);
    }

    PluginLlmService(LlmGateway gateway, Caller caller, Governor governor, Optional<CallingPlugin> plugin) {
        this.gateway = gateway;
        this.caller = caller;
        this.governor = governor;
        this.answering = plugin.map(PluginLlmService::answering);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return gateway.chat(caller, request);
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        CompletionStage<ChatResponse> answer = gateway.chatAsync(caller, request);
        return answering.isPresent() ? onPluginsThreads(answer, answering.get()) : answer;
    }

    /** Completing an answer is the plugin's background work: its CPU and memory limits, no timeout. */
    private static WorkUnit answering(CallingPlugin plugin) {
        BundleWiring wiring = plugin.bundle().adapt(BundleWiring.class);
        return new WorkUnit(plugin.descriptor(), WorkUnit.Kind.BACKGROUND, "the answer of LlmService.chatAsync",
                wiring == null ? null : wiring.getClassLoader());
    }

    /**
     * The answer as a plugin gets it: completed on one of the governor's threads, as the plugin's own
     * background work. What the plugin chains to it ({@code thenApply}, {@code thenAccept}) runs where it
     * completes: on the gateway's threads it would run outside the plugin's CPU and memory limits and hold
     * up the pool every plugin's asynchronous calls share. If the governor cannot run it (the plugin is
     * being stopped), the stage does not complete.
     */
    private CompletionStage<ChatResponse> onPluginsThreads(CompletionStage<ChatResponse> answer, WorkUnit unit) {
        CompletableFuture<ChatResponse> forPlugin = new CompletableFuture<>();
        answer.whenComplete((response, failure) -> governor.submit(unit, () -> {
            if (failure == null) {
                forPlugin.complete(response);
            } else {
                forPlugin.completeExceptionally(failure);
            }
            return null;
        }));
        return forPlugin;
    }

    @Override
    public List<ModelInfo> models() {
        return gateway.models();
    }
}
