package org.aibase.llm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "AI Base LLM provider endpoint",
        description = "One LLM endpoint: OpenAI, Azure OpenAI, Anthropic or an OpenAI-compatible server (Ollama, vLLM)")
@interface ProviderConfiguration {

    String FACTORY_PID = "org.aibase.llm.provider";

    @AttributeDefinition(name = "Type", options = {
            @Option(value = "openai", label = "OpenAI"),
            @Option(value = "azure-openai", label = "Azure OpenAI"),
            @Option(value = "anthropic", label = "Anthropic"),
            @Option(value = "openai-compatible", label = "OpenAI-compatible (Ollama, vLLM, LM Studio)") })
    String type();

    @AttributeDefinition(name = "Name", required = false,
            description = "Endpoint name shown in responses, logs and the console; default: the type")
    String name() default "";

    @AttributeDefinition(name = "Base URL", required = false,
            description = "Including the version path: https://api.openai.com/v1, https://api.anthropic.com/v1, "
                    + "http://localhost:11434/v1; default for openai and anthropic: their public API")
    String base_url() default "";

    @AttributeDefinition(name = "Azure endpoint", required = false,
            description = "Azure only: the resource endpoint, e.g. https://my-resource.openai.azure.com")
    String endpoint() default "";

    @AttributeDefinition(name = "Azure deployments", required = false,
            description = "Azure only: model=deployment pairs; a model without one is deployed under its own name")
    String[] deployments() default {};

    @AttributeDefinition(name = "Azure API version", required = false)
    String api_version() default "2024-10-21";

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "The key itself; prefer api.key.env")
    String api_key() default "";

    @AttributeDefinition(name = "API key variable", required = false,
            description = "Name of an environment variable holding the key, e.g. OPENAI_API_KEY")
    String api_key_env() default "";

    @AttributeDefinition(name = "Models", required = false,
            description = "Models served; empty: any model asked for (useful for a local server)")
    String[] models() default {};

    @AttributeDefinition(name = "Timeout (s)", description = "Per attempt, unless the request sets its own")
    int timeout_seconds() default 60;

    @AttributeDefinition(name = "Maximum concurrent calls")
    int max_concurrent() default 8;

    @AttributeDefinition(name = "Anthropic API version", required = false)
    String anthropic_version() default "2023-06-01";
}
