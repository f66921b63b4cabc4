package ${package};

import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.api.prompt.PromptTemplates;

/**
 * The plugin's logic, free of HTTP and OSGi so that a unit test calls it directly: a greeting rendered
 * from the template {@code templates/greeting.yaml} with the configured salutation.
 */
final class Greeter {

    static final String TEMPLATE = "greeting";

    private final PromptTemplates templates;
    private final String salutation;
    private final int maxTextLength;

    Greeter(PromptTemplates templates, PluginConfiguration configuration) {
        this.templates = templates;
        this.salutation = configuration.salutation();
        this.maxTextLength = configuration.max__text__length();
    }

    /**
     * The greeting for a name.
     *
     * @throws HttpError 422 {@code invalid_parameter} naming {@code name} when it is blank or too long
     */
    String greet(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > maxTextLength) {
            throw HttpError.invalid("name", "name must be 1 to " + maxTextLength + " characters");
        }
        return templates.render(TEMPLATE, Map.of("salutation", salutation, "name", stripped));
    }
}
