package org.aibase.plugin.analytics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The plugin's configuration (PID {@code aibase.plugin.analytics}; plugin.yaml's {@code defaults}
 * fill it in). A double underscore in a method name is an underscore in the property name.
 */
@ObjectClassDefinition(name = "AI Analytics",
        description = "Limits and analysis defaults of the analytics plugin; changes apply to the next request")
@interface AnalyticsConfiguration {

    @AttributeDefinition(name = "max_data_points", description = "Rows sampled (seeded) for chart data and the LLM prompt; statistics use every row", min = "1")
    int max__data__points() default 10000;

    @AttributeDefinition(name = "analysis_depth", description = "basic: statistics and quality; detailed: also charts and AI insights",
            options = {})
    String analysis__depth() default "detailed";

    @AttributeDefinition(name = "generate_charts", description = "Whether detailed analyses compute chart data")
    boolean generate__charts() default true;

    @AttributeDefinition(name = "llm_model", description = "The model name or alias the insights ask for")
    String llm__model() default "default";

    @AttributeDefinition(name = "temperature", description = "The sampling temperature of the insights (0 to 2)")
    double temperature() default 0.3;

    @AttributeDefinition(name = "max_dataset_size", description = "The most rows a dataset may have", min = "1")
    int max__dataset__size() default 1_000_000;

    @AttributeDefinition(name = "max_columns", description = "The most columns a dataset may have", min = "1")
    int max__columns() default 500;

    @AttributeDefinition(name = "max_body_bytes", description = "The largest POST /analyze body, in bytes", min = "1")
    long max__body__bytes() default 256L * 1024 * 1024;

    @AttributeDefinition(name = "max_cell_chars",
            description = "The most characters in one cell or column name; a longer one refuses the dataset (413)", min = "1")
    int max__cell__chars() default 32_768;

    @AttributeDefinition(name = "max_result_bytes",
            description = "The most bytes a dataset's analysis result may take as JSON; a dataset whose result could be "
                    + "larger is refused when posted (413)", min = "1")
    long max__result__bytes() default 16L * 1024 * 1024;
}
