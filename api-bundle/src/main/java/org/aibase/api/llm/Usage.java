package org.aibase.api.llm;

/** Tokens a call consumed, as the provider reported them. */
public record Usage(int promptTokens, int completionTokens) {

    /** No tokens. */
    public static final Usage NONE = new Usage(0, 0);

    /** Prompt plus completion tokens. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
