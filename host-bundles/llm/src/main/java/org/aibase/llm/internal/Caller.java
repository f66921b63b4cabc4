package org.aibase.llm.internal;

import java.util.Objects;
import java.util.Optional;
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
     * The attribution of the bundle using a bundle-scoped component ({@link #using}): a plugin that
     * declares no budget gets {@code defaultTokensPerHour}.
     */
    static Caller of(Optional<CallingPlugin> plugin, long defaultTokensPerHour) {
        if (plugin.isEmpty()) {
            return new Caller(PLATFORM, OptionalLong.empty());
        }
        OptionalLong declared = plugin.get().descriptor().limits().llmTokensPerHour();
        return new Caller(plugin.get().id(), declared.isPresent() ? declared : OptionalLong.of(defaultTokensPerHour));
    }

    /** The plugin using a bundle-scoped component, as the framework reports it (so it cannot be spoofed); empty for a platform bundle. */
    static Optional<CallingPlugin> using(ComponentContext context) {
        try {
            return Optional.of(CallingPlugin.of(context));
        } catch (PluginException notAPlugin) {
            return Optional.empty();
        }
    }
}
