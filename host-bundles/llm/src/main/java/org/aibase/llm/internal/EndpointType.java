package org.aibase.llm.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire formats an endpoint can speak, by their configuration value. */
enum EndpointType {
    OPENAI("openai"),
    AZURE_OPENAI("azure-openai"),
    ANTHROPIC("anthropic"),
    OPENAI_COMPATIBLE("openai-compatible");

    private final String value;

    EndpointType(String value) {
        this.value = value;
    }

    /** The configuration value, e.g. {@code azure-openai}. */
    String value() {
        return value;
    }

    /** The type for a configuration value; fails naming the accepted values. */
    static EndpointType of(String value) {
        for (EndpointType t : values()) {
            if (t.value.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("type: '" + value + "' is not one of "
                + Arrays.stream(values()).map(EndpointType::value).collect(Collectors.joining(", ")));
    }
}
