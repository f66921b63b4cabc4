package org.aibase.llm.internal.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aibase.api.prompt.PromptTemplateException;

/**
 * A parsed template: text with {@code {variable}} placeholders, {@code {{} and {@code }}} for literal
 * braces. Parsing checks that every placeholder is declared and every brace is paired, so a mistake in
 * a template is found when the plugin starts rather than in the prompt a model receives.
 */
final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Literal text, or a placeholder when {@code variable} is set. */
    private record Segment(String text, String variable) {
    }

    private final String name;
    private final String description;
    private final Map<String, TemplateVariable> variables;
    private final List<Segment> segments;

    private PromptTemplate(String name, String description, Map<String, TemplateVariable> variables,
            List<Segment> segments) {
        this.name = name;
        this.description = description;
        this.variables = variables;
        this.segments = segments;
    }

    /** Parses the template text against its declared variables. */
    static PromptTemplate parse(String name, String description, String text, List<TemplateVariable> declared) {
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        for (TemplateVariable v : declared) {
            if (variables.put(v.name(), v) != null) {
                throw new PromptTemplateException(name, v.name(), "template '" + name + "' declares variable '"
                        + v.name() + "' twice");
            }
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i++;
                continue;
            }
            if (c == '}') {
                throw new PromptTemplateException(name, "template '" + name + "' has an unpaired '}' at offset " + i
                        + "; write '}}' for a literal brace");
            }
            if (c != '{') {
                literal.append(c);
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
            if (!m.lookingAt()) {
                throw new PromptTemplateException(name, "template '" + name + "' has an unpaired '{' at offset " + i
                        + "; placeholders are {name}, a literal brace is '{{'");
            }
            String variable = m.group(1);
            if (!variables.containsKey(variable)) {
                throw new PromptTemplateException(name, variable, "template '" + name + "' uses {" + variable
                        + "}, which its variables do not declare");
            }
            segments.add(new Segment(literal.toString(), null));
            literal.setLength(0);
            segments.add(new Segment(null, variable));
            i = m.end() - 1;
        }
        segments.add(new Segment(literal.toString(), null));
        // the declared order is kept: it is the order in which people (and agents) are asked for the values
        return new PromptTemplate(name, description, java.util.Collections.unmodifiableMap(variables), List.copyOf(segments));
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    /** The declared variables, in the file's order. */
    List<TemplateVariable> variables() {
        return List.copyOf(variables.values());
    }

    /**
     * Renders from text values, as MCP prompt arguments are: each converted to its declared type.
     *
     * @throws PromptTemplateException naming the variable whose text is not of its type, or that is missing
     */
    String renderText(Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> given : texts.entrySet()) {
            TemplateVariable v = variables.get(given.getKey());
            if (v == null || given.getValue() == null) {
                values.put(given.getKey(), given.getValue()); // render names the unknown or missing variable
                continue;
            }
            try {
                values.put(v.name(), v.type().parse(given.getValue()));
            } catch (IllegalArgumentException e) {
                throw new PromptTemplateException(name, v.name(), "template '" + name + "': argument '" + v.name() + "' "
                        + e.getMessage());
            }
        }
        values.values().removeIf(java.util.Objects::isNull);
        return render(values);
    }

    /** Fills in the placeholders after checking that exactly the declared variables are given, each of its type. */
    String render(Map<String, Object> values) {
        for (String given : values.keySet()) {
            if (!variables.containsKey(given)) {
                throw new PromptTemplateException(name, given, "template '" + name + "' has no variable '" + given
                        + "'; it declares " + variables.keySet());
            }
        }
        for (TemplateVariable v : variables.values()) {
            Object value = values.get(v.name());
            if (value == null) {
                throw new PromptTemplateException(name, v.name(), "template '" + name + "' needs variable '"
                        + v.name() + "' (" + v.type().id() + ")");
            }
            if (!v.type().accepts(value)) {
                throw new PromptTemplateException(name, v.name(), "template '" + name + "': variable '" + v.name()
                        + "' must be " + v.type().id() + ", not " + value.getClass().getSimpleName());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s.variable() == null) {
                out.append(s.text());
            } else {
                TemplateVariable v = variables.get(s.variable());
                try {
                    out.append(v.type().write(values.get(v.name())));
                } catch (IllegalArgumentException e) {
                    throw new PromptTemplateException(name, v.name(), "template '" + name + "': variable '" + v.name()
                            + "' " + e.getMessage());
                }
            }
        }
        return out.toString();
    }
}
