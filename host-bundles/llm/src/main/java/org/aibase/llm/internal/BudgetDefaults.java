package org.aibase.llm.internal;

/**
 * The sandbox's default for plugins that declare no {@code limits.llm_tokens_per_hour}: read from the
 * sandbox's own configuration (PID {@value #SANDBOX_PID}, merged into the gateway's by DS), so the
 * operator sets it in one place.
 */
@interface BudgetDefaults {

    String SANDBOX_PID = "org.aibase.sandbox";

    /** Same default as the sandbox's configuration, for when the operator configures none. */
    long default_llm_tokens_per_hour() default 100_000L;
}
