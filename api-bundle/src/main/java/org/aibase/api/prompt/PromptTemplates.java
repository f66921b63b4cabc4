package org.aibase.api.prompt;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** The calling plugin's prompt templates: placeholders in single braces, doubled braces for literal ones. */
@ProviderType
public interface PromptTemplates {

    /**
     * Renders a template with its variables.
     *
     * @throws PromptTemplateException naming the template and the missing, undeclared or mistyped variable
     */
    String render(String templateName, Map<String, Object> variables);

    /** The names of the templates available. */
    List<String> templates();
}
