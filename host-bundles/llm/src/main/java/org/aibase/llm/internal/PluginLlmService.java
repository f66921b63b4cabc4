package org.aibase.llm.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
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

    /** Activated by DS for each bundle that gets the service. */
    @Activate
    public PluginLlmService(@Reference LlmGateway gateway, ComponentContext context) {
        this(gateway, Caller.of(context, gateway.defaultTokensPerHour()));
    }

    PluginLlmService(LlmGateway gateway, Caller caller) {
        this.gateway = gateway;
        this.caller = caller;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return gateway.chat(caller, request);
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        return gateway.chatAsync(caller, request);
    }

    @Override
    public List<ModelInfo> models() {
        return gateway.models();
    }
}
