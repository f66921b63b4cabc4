package ${package};

/**
 * The plugin's typed configuration (PID {@code aibase.plugin.${pluginId}}): plugin.yaml's {@code defaults}
 * fill it in, and an operator changes it with {@code PUT /api/v1/plugins/${pluginId}/config}.
 * Declarative Services reads a method's property with each {@code _} as {@code .} and {@code __} as
 * {@code _}: {@code max__text__length()} reads {@code max_text_length} (a method {@code max_text_length()}
 * would read {@code max.text.length}, and the validator refuses the plugin naming the fix).
 */
@interface PluginConfiguration {

#if ($kind == "llm")
    /** The system message sent with every question. */
    String instructions() default "Answer in one short sentence.";
#elseif ($kind == "storage-jobs")
    /** The first word of a summary. */
    String summary__title() default "Notes";
#else
    /** The greeting's first word. */
    String salutation() default "Hello";
#end

    /** The longest text a caller may send. */
    int max__text__length() default 200;
}
