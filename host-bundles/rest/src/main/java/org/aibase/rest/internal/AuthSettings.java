package org.aibase.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;


import org.aibase.api.plugin.CallerRole;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the keys of PID {@value AuthConfiguration#PID} (or the generated admin key) to the
 * {@link Gatekeeper}.
 *
 * <p>A separate component that registers no service, because DS copies a component's configuration
 * into the properties of the service it registers: the keys would be readable by every bundle
 * through the service registry.
 */
@Component(service = {}, immediate = true, configurationPid = AuthConfiguration.PID)
@Designate(ocd = AuthConfiguration.class)
public final class AuthSettings {

    /**
     * The framework property naming {@code data/credentials.properties}, where the launcher keeps the
     * generated admin key (under {@value #GENERATED_KEY}); the key itself is no framework property,
     * which every bundle and the console's printers can read.
     */
    static final String CREDENTIALS_FILE_PROPERTY = "aibase.credentials.file";
    static final String GENERATED_KEY = "admin.api.key";

    private static final Logger LOG = LoggerFactory.getLogger(AuthSettings.class);

    private final Gatekeeper gatekeeper;
    private final String generatedKey;

    @Activate
    public AuthSettings(BundleContext context, @Reference Gatekeeper gatekeeper, AuthConfiguration configuration) {
        this.gatekeeper = gatekeeper;
        this.generatedKey = generatedKey(context.getProperty(CREDENTIALS_FILE_PROPERTY));
        apply(configuration);
    }

    /** The generated admin key from the credentials file; null without one (then only configured keys count). */
    static String generatedKey(String credentialsFile) {
        if (credentialsFile == null) {
            return null;
        }
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(credentialsFile))) {
            credentials.load(in);
        } catch (IOException e) {
            LOG.warn("Cannot read the generated admin key from {}: {}", credentialsFile, e.getMessage());
            return null;
        }
        return credentials.getProperty(GENERATED_KEY);
    }

    @Modified
    void modified(AuthConfiguration configuration) {
        apply(configuration);
    }

    private void apply(AuthConfiguration configuration) {
        if (configuration.session_idle_minutes() < 1) {
            throw new IllegalArgumentException("session.idle.minutes of " + AuthConfiguration.PID
                    + " must be at least 1, not " + configuration.session_idle_minutes());
        }
        ApiKeys keys = ApiKeys.resolve(configuration.admin_keys(), configuration.user_keys(), generatedKey);
        gatekeeper.apply(keys, Duration.ofMinutes(configuration.session_idle_minutes()));
        keys.refused().forEach(problem -> LOG.error("HTTP API keys of {}: {}; that entry is not in force",
                AuthConfiguration.PID, problem));
        switch (keys.source()) {
            case CONFIGURATION -> LOG.info("HTTP API keys: {} admin and {} user key(s) from configuration {}",
                    keys.count(CallerRole.ADMIN), keys.count(CallerRole.USER), AuthConfiguration.PID);
            case GENERATED -> LOG.info("HTTP API keys: the generated admin key (data/credentials.properties, "
                    + "admin.api.key); configure {} to replace it", AuthConfiguration.PID);
            case NONE -> LOG.warn("HTTP API keys: none configured and none generated; every protected endpoint "
                    + "answers 401 until {} has admin.keys", AuthConfiguration.PID);
        }
    }
}
