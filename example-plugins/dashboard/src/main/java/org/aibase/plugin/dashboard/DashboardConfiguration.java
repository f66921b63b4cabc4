package org.aibase.plugin.dashboard;

/** The plugin's configuration (PID {@code aibase.plugin.dashboard}); plugin.yaml's defaults fill it. */
@interface DashboardConfiguration {

    int max_widgets() default 20;

    boolean llm_narrative() default true;

    String llm_model() default "default";
}
