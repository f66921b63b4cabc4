package org.aibase.llm;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The prompt templates of plugins ({@code templates/*.yaml} in their JARs), for the platform to
 * offer, e.g. as MCP prompts: what each takes, and its text with arguments given as strings (as MCP
 * gives them), converted to the declared types.
 */
@ProviderType
public interface PluginPrompts {

    /** One variable of a template: its name, declared type and description. */
    record Argument(String name, String type, String description) {
    }

    /** One template of a plugin and its variables, in the file's order. */
    record Prompt(String name, String description, List<Argument> arguments) {
    }

    /** The readable templates of a plugin bundle, by name; empty when it has none. */
    List<Prompt> prompts(Bundle plugin);

    /**
     * The text of a template with its variables.
     *
     * @throws org.aibase.api.prompt.PromptTemplateException naming the argument that is missing,
     *         unknown, or not of its type, or the template that does not exist
     */
    String render(Bundle plugin, String template, Map<String, String> arguments);
}
