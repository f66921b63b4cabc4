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
 * @param tokensPerHour the plugin's {@code limits.llm_tokens_per_hour} or the platform default; empty: unlimited
 */
record Caller(String id, OptionalLong tokensPerHour) {

    /** The attribution of calls from bundles that are not plugins. */
    static final String PLATFORM = "platform";

    Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokensPerHour, "tokensPerHour");
    }

    /**
     * The bundle using a bundle-scoped component, as the framework reports it (so it cannot be spoofed);
     * a plugin that declares no budget gets {@code defaultTokensPerHour}.
     */
    static Caller of(ComponentContext context, long defaultTokensPerHour) {
        try {
            CallingPlugin plugin = CallingPlugin.of(context);
            OptionalLong declared = plugin.descriptor().limits().llmTokensPerHour();
            return new Caller(plugin.id(), declared.isPresent() ? declared : OptionalLong.of(defaultTokensPerHour));
        } catch (PluginException notAPlugin) {
            return new Caller(PLATFORM, OptionalLong.empty());
        }
    }
}
