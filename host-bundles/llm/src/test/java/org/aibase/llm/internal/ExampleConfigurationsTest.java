package org.aibase.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped examples in config/examples/ are valid configurations, read as FileInstall reads a .cfg file. */
class ExampleConfigurationsTest {

    static final Path EXAMPLES = Path.of("..", "..", "config", "examples");
    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk", "AZURE_OPENAI_API_KEY", "az",
            "ANTHROPIC_API_KEY", "sk-ant");

    // a .cfg key such as base.url is the typed configuration's method base_url
    static Map<String, Object> read(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(EXAMPLES.resolve(file))) {
            p.load(r);
        }
        Map<String, Object> values = new HashMap<>();
        p.forEach((k, v) -> values.put(k.toString().replace('.', '_'), convert(k.toString(), v.toString())));
        return values;
    }

    private static Object convert(String key, String value) {
        return key.endsWith("seconds") || key.endsWith("concurrent") || key.endsWith("retries")
                || key.endsWith(".ms") || key.endsWith("failures") ? Integer.parseInt(value) : value;
    }

    @ParameterizedTest
    @CsvSource({
            "openai.cfg.example, openai, openai, gpt-4o-mini|gpt-4o",
            "azure-openai.cfg.example, azure, azure-openai, gpt-4o|gpt-4o-mini",
            "anthropic.cfg.example, anthropic, anthropic, claude-sonnet-4-5",
            "ollama.cfg.example, ollama, openai-compatible, llama3.2" })
    void providerExamplesAreValid(String file, String name, String type, String models) throws IOException {
        ConfiguredEndpoint e = new ConfiguredEndpoint(TypedConfig.of(ProviderConfiguration.class, read(file)), ENV::get,
                Clock.systemUTC());
        try {
            assertEquals(name, e.endpoint().name());
            assertEquals(type, e.endpoint().type());
            assertEquals(List.of(models.split("\\|")), e.endpoint().models());
        } finally {
            e.deactivate();
        }
    }

    @Test
    void routerExampleIsValid() throws IOException {
        Map<String, Object> values = read("router.cfg.example");
        values.put("backoff_initial_ms", 500L);
        values.put("backoff_max_ms", 8000L);
        RoutingPolicy p = RoutingPolicy.from(TypedConfig.of(RouterConfiguration.class, values));

        assertEquals("fast", p.defaultModel());
        assertEquals("gpt-4o-mini", p.aliases().get("fast"));
        assertEquals(List.of("gpt-4o-mini", "claude-sonnet-4-5", "llama3.2"), p.fallback());
    }
}
