package org.aibase.llm.internal;

import java.util.Objects;
import java.util.OptionalLong;

import org.aibase.api.plugin.PluginException;
import org.aibase.sandbox.CallingPlugin;
import org.osgi.service.component.ComponentContext;

/**
 * Who a call is attributed to: a plugin id with its hourly token budget, or {@value #PLATFORM} for a
 * platform bundle (which has no budget).
 *
 * @param id the plugin id, or {@value #PLATFORM}
 * @param tokensPerHour the descriptor's {@code limits.llm_tokens_per_hour}; empty: unlimited
 */
record Caller(String id, OptionalLong tokensPerHour) {

    /** The attribution of calls from bundles that are not plugins. */
    static final String PLATFORM = "platform";

    Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokensPerHour, "tokensPerHour");
    }

    /** The bundle using a bundle-scoped component, as the framework reports it (so it cannot be spoofed). */
    static Caller of(ComponentContext context) {
        try {
            CallingPlugin plugin = CallingPlugin.of(context);
            return new Caller(plugin.id(), plugin.descriptor().limits().llmTokensPerHour());
        } catch (PluginException notAPlugin) {
            return new Caller(PLATFORM, OptionalLong.empty());
        }
    }
}
