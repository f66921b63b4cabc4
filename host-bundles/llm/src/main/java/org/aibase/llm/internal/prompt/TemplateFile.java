package org.aibase.llm.internal.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aibase.api.prompt.PromptTemplateException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One {@code templates/*.yaml} file: {@code name}, {@code description}, {@code template} and
 * {@code variables} (each with {@code name}, {@code type} and {@code description}). Read with
 * SnakeYAML's safe constructor: a plugin's file builds maps, lists and scalars, never objects.
 */
final class TemplateFile {

    private TemplateFile() {
    }

    /** Parses a file's text; errors name the file (and the template and variable once known). */
    static PromptTemplate read(String file, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new PromptTemplateException(file, file + " is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new PromptTemplateException(file, file + " must be a mapping with name, template and variables");
        }
        String name = text(map, "name", file, file, true);
        String template = text(map, "template", file, name, true);
        String description = text(map, "description", file, name, false);
        return PromptTemplate.parse(name, description, template, variables(map.get("variables"), file, name));
    }

    private static List<TemplateVariable> variables(Object value, String file, String template) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new PromptTemplateException(template, file + ": variables must be a list");
        }
        List<TemplateVariable> variables = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> v)) {
                throw new PromptTemplateException(template, file + ": each variable must be a mapping with name, "
                        + "type and description");
            }
            String name = text(v, "name", file, template, true);
            Object type = v.get("type");
            try {
                variables.add(new TemplateVariable(name, type == null ? VariableType.STRING : VariableType.of(type.toString()),
                        text(v, "description", file, template, false)));
            } catch (IllegalArgumentException e) {
                throw new PromptTemplateException(template, name, file + ": variable '" + name + "' of template '"
                        + template + "': " + e.getMessage());
            }
        }
        return variables;
    }

    private static String text(Map<?, ?> map, String key, String file, String template, boolean required) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new PromptTemplateException(template, file + ": '" + key + "' is required");
            }
            return "";
        }
        if (!(value instanceof String s)) {
            throw new PromptTemplateException(template, file + ": '" + key + "' must be text");
        }
        return s;
    }
}
