package org.aibase.plugin.dashboard;

/**
 * The plugin's configuration (PID {@code aibase.plugin.dashboard}); plugin.yaml's defaults fill it.
 * DS maps a single {@code _} in an element name to a dot and {@code __} to one {@code _}: the elements
 * are named with {@code __} so they read the keys {@code max_widgets}, {@code llm_narrative} and
 * {@code llm_model} that plugin.yaml declares.
 */
@interface DashboardConfiguration {

    int max__widgets() default 20;

    boolean llm__narrative() default true;

    String llm__model() default "default";
}
