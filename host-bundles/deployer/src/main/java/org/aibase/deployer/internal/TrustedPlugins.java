package org.aibase.deployer.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.aibase.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The plugin ids the operator lets be {@code trusted}. They belong to the sandbox's configuration
 * (PID {@value #PID}, where its metatype documents them); the deployer reads the same PID so an
 * operator lists a plugin in one place and validation and confinement agree.
 */
@Component(service = TrustedPlugins.class, configurationPid = TrustedPlugins.PID)
public final class TrustedPlugins {

    static final String PID = "org.aibase.sandbox";

    private static final Pattern PLUGIN_ID = Pattern.compile(PluginDescriptor.ID_PATTERN);

    /** The one key of the sandbox's configuration the deployer reads. */
    @interface Grants {
        String[] trusted_plugins() default {};
    }

    private volatile Set<String> ids;

    @Activate
    public TrustedPlugins(Grants grants) {
        this.ids = parse(grants.trusted_plugins());
    }

    @Modified
    void modified(Grants grants) {
        this.ids = parse(grants.trusted_plugins());
    }

    /** The granted ids now. */
    Set<String> ids() {
        return ids;
    }

    /** Checks the ids, failing with the key named. */
    static Set<String> parse(String[] values) {
        Set<String> trusted = Arrays.stream(values).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        trusted.stream().filter(id -> !PLUGIN_ID.matcher(id).matches()).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException(PID + ": trusted.plugins: '" + id + "' is not a plugin id (" + PluginDescriptor.ID_PATTERN + ")");
        });
        return trusted;
    }
}
