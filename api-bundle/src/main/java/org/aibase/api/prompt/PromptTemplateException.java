package org.aibase.api.prompt;

import java.util.Optional;

/**
 * A template that cannot be rendered: unknown, malformed, or given a missing, undeclared or mistyped
 * variable. The message names the template and the variable.
 */
public class PromptTemplateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String template;
    private final String variable;

    /** A problem with a template as a whole. */
    public PromptTemplateException(String template, String message) {
        this(template, null, message);
    }

    /** A problem with one variable of a template (variable may be null). */
    public PromptTemplateException(String template, String variable, String message) {
        super(message);
        this.template = template;
        this.variable = variable;
    }

    /** The template's name (or its file, when the file could not be read). */
    public String template() {
        return template;
    }

    /** The variable at fault, if one is. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
