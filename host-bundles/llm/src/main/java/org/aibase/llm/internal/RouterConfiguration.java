package org.aibase.llm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

// designated here (pid) rather than with @Designate: the gateway also reads the sandbox's PID, and
// bnd's @Designate wants a component with exactly one
@ObjectClassDefinition(pid = RouterConfiguration.PID, name = "AI Base LLM router",
        description = "Default model, aliases, fallback chain, retries and circuit breaker of the LLM service")
@interface RouterConfiguration {

    String PID = "org.aibase.llm.router";

    @AttributeDefinition(name = "Default model", required = false,
            description = "Model used when a request asks for \"default\"; empty: the first model of the first endpoint")
    String default_model() default "";

    @AttributeDefinition(name = "Aliases", required = false, description = "alias=model pairs, e.g. fast=gpt-4o-mini")
    String[] aliases() default {};

    @AttributeDefinition(name = "Fallback chain", required = false,
            description = "Models tried in order when the requested one fails retriably or its endpoint's circuit is open")
    String[] fallback() default {};

    @AttributeDefinition(name = "Retries", description = "Further attempts on the same endpoint after a retriable failure")
    int max_retries() default 2;

    @AttributeDefinition(name = "Initial backoff (ms)")
    long backoff_initial_ms() default 500;

    @AttributeDefinition(name = "Maximum backoff (ms)")
    long backoff_max_ms() default 8000;

    @AttributeDefinition(name = "Circuit failures", description = "Consecutive failures that open an endpoint's circuit")
    int circuit_failures() default 5;

    @AttributeDefinition(name = "Circuit open (s)", description = "How long an open circuit refuses calls before a probe")
    int circuit_open_seconds() default 30;

    @AttributeDefinition(name = "Response cache size",
            description = "Answers kept for identical requests at temperature 0; 0 turns the cache off")
    int cache_size() default 0;

    @AttributeDefinition(name = "Response cache age (s)", description = "How long a cached answer is served")
    int cache_ttl_seconds() default 3600;
}
