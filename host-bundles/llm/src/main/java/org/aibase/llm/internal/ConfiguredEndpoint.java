package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.aibase.llm.internal.anthropic.AnthropicChatClient;
import org.aibase.llm.internal.azure.AzureOpenAiDialect;
import org.aibase.llm.internal.http.HttpTransport;
import org.aibase.llm.internal.openai.OpenAiChatClient;
import org.aibase.llm.internal.openai.OpenAiDialect;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.HttpUrl;

/**
 * One provider endpoint per factory configuration ({@code config/org.aibase.llm.provider-NAME.cfg}).
 * Owns the endpoint's HTTP client and releases it on deactivate (a changed configuration means a new
 * instance, so no client outlives its settings). Immediate, so a wrong configuration is reported at
 * start, not at the first call.
 *
 * <p>It registers itself for the gateway with its name and type only: DS would copy the whole
 * configuration, {@code api.key} included, into the service's properties, which every bundle and the
 * Web Console's Services page can read.
 */
@Component(service = {}, immediate = true, configurationPid = ProviderConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderConfiguration.class, factory = true)
public final class ConfiguredEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredEndpoint.class);

    private final HttpTransport transport;
    private final ChatEndpoint endpoint;
    private final boolean keySet;
    /** Null for an instance made outside OSGi (tests). */
    private ServiceRegistration<ConfiguredEndpoint> registration;

    /** Activated by DS; the key comes from the configuration or the named environment variable. */
    @Activate
    public ConfiguredEndpoint(BundleContext context, ProviderConfiguration config) {
        this(config, System::getenv, Clock.systemUTC());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", endpoint.name());
        properties.put("type", endpoint.type());
        registration = context.registerService(ConfiguredEndpoint.class, this, properties);
    }

    ConfiguredEndpoint(ProviderConfiguration config, UnaryOperator<String> environment, Clock clock) {
        EndpointType type = EndpointType.of(config.type());
        String name = config.name().isBlank() ? type.value() : config.name().trim();
        require(config.timeout_seconds() > 0, "timeout.seconds must be positive");
        require(config.max_concurrent() > 0, "max.concurrent must be positive");
        String key = apiKey(config, environment, type);
        this.keySet = !key.isEmpty();
        Map<String, String> deployments = pairs(config.deployments(), "deployments");
        List<String> models = new ArrayList<>(ConfigValues.list(config.models()));
        deployments.keySet().stream().filter(m -> !models.contains(m)).forEach(models::add);
        this.transport = new HttpTransport(name);
        ChatClient client = switch (type) {
            case OPENAI -> new OpenAiChatClient(name, transport,
                    OpenAiDialect.openAi(url("base.url", config.base_url(), "https://api.openai.com/v1"), key), clock);
            case OPENAI_COMPATIBLE -> new OpenAiChatClient(name, transport,
                    OpenAiDialect.compatible(url("base.url", config.base_url(), ""), key), clock);
            case AZURE_OPENAI -> new OpenAiChatClient(name, transport, AzureOpenAiDialect.of(
                    url("endpoint", config.endpoint(), ""), deployments, config.api_version().trim(), key), clock);
            case ANTHROPIC -> new AnthropicChatClient(name, transport,
                    url("base.url", config.base_url(), "https://api.anthropic.com/v1"), key,
                    config.anthropic_version().trim(), clock);
        };
        this.endpoint = new ChatEndpoint(name, type.value(), models, Duration.ofSeconds(config.timeout_seconds()),
                config.max_concurrent(), client);
        LOG.info("LLM endpoint {} ({}) serves {}", name, type.value(), models.isEmpty() ? "any model" : models);
    }

    /** The endpoint as the router sees it. */
    public ChatEndpoint endpoint() {
        return endpoint;
    }

    /** Whether an API key is configured (for the status page; the key itself never leaves this class). */
    public boolean keySet() {
        return keySet;
    }

    @Deactivate
    void deactivate() {
        try {
            if (registration != null) {
                registration.unregister();
            }
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        transport.close();
    }

    private static String apiKey(ProviderConfiguration config, UnaryOperator<String> environment, EndpointType type) {
        String key = config.api_key().trim();
        if (key.isEmpty() && !config.api_key_env().isBlank()) {
            String value = environment.apply(config.api_key_env().trim());
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("api.key.env: environment variable " + config.api_key_env().trim()
                        + " is not set");
            }
            key = value.trim();
        }
        require(!key.isEmpty() || type == EndpointType.OPENAI_COMPATIBLE,
                "api.key or api.key.env is required for type " + type.value());
        return key;
    }

    private static HttpUrl url(String keyName, String value, String fallback) {
        String text = value.isBlank() ? fallback : value.trim();
        require(!text.isEmpty(), keyName + " is required");
        HttpUrl url = HttpUrl.parse(text);
        require(url != null, keyName + ": '" + text + "' is not an http(s) URL");
        return url;
    }

    private static Map<String, String> pairs(String[] values, String keyName) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : ConfigValues.list(values)) {
            int eq = pair.indexOf('=');
            require(eq > 0 && eq < pair.length() - 1, keyName + ": '" + pair + "' is not model=deployment");
            pairs.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
