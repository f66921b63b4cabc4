package org.aibase.validator.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.aibase.validator.internal.bytecode.PluginClass;

/**
 * The property name Declarative Services reads for an element of a component property type (typed
 * configuration), by the rules of DS 1.4+ (OSGi Compendium 112.8.2.1), as Felix SCR applies them:
 * {@code $_$} reads as {@code -}, {@code $$} as {@code $}, a single {@code $} as nothing, {@code __} as
 * {@code _} and a single {@code _} as {@code .}; the value of a {@code PREFIX_} constant goes in
 * front; and the {@code value} element of a single-element annotation is named after the type
 * ({@code MaxRows} gives {@code max.rows}).
 */
final class PropertyNames {

    private static final Pattern ESCAPES = Pattern.compile("(\\$_\\$)|(\\$\\$)|(\\$)|(__)|(_)");
    private static final String VALUE = "value";

    private PropertyNames() {
    }

    /** The property DS reads for the element of the annotation type. */
    static String property(PluginClass type, String element) {
        String prefix = type.stringConstants().getOrDefault("PREFIX_", "");
        return prefix + (namedAfterType(type, element) ? fromTypeName(simpleName(type)) : fromElement(element));
    }

    /** Whether the element is a single-element annotation's value, whose property is named after the type. */
    static boolean namedAfterType(PluginClass type, String element) {
        return element.equals(VALUE) && singleElement(type);
    }

    /** The element name DS maps to this property (without prefix): the inverse of {@link #fromElement}. */
    static String element(String property) {
        StringBuilder element = new StringBuilder();
        for (char c : property.toCharArray()) {
            switch (c) {
                case '$' -> element.append("$$");
                case '_' -> element.append("__");
                case '-' -> element.append("$_$");
                case '.' -> element.append('_');
                default -> element.append(c);
            }
        }
        return element.toString();
    }

    /** The elements of an annotation type, each a property, in alphabetical order. */
    static Set<String> elements(PluginClass type) {
        return type.facts().methods().stream().filter(m -> !m.startsWith("<")).map(m -> m.substring(0, m.indexOf('(')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The property of an element: the escapes mapped, as for every element but a single-element annotation's value. */
    static String fromElement(String element) {
        Matcher m = ESCAPES.matcher(element);
        StringBuilder property = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? "-" : m.group(2) != null ? "\\$" : m.group(3) != null ? "" : m.group(4) != null ? "_" : ".";
            m.appendReplacement(property, replacement);
        }
        m.appendTail(property);
        return property.toString();
    }

    /** The property of a single-element annotation's value: {@code MaxRows} gives {@code max.rows}. */
    static String fromTypeName(String simpleName) {
        StringBuilder property = new StringBuilder();
        boolean lastLower = false;
        for (char c : simpleName.toCharArray()) {
            boolean letterOrDigit = Character.isLetter(c) || Character.isDigit(c);
            if (lastLower && letterOrDigit && Character.isUpperCase(c)) {
                property.append('.');
            }
            lastLower = letterOrDigit && Character.isLowerCase(c);
            property.append(Character.toLowerCase(c));
        }
        return property.toString();
    }

    /** A single-element annotation: a {@code value} element, and a default for every other one. */
    private static boolean singleElement(PluginClass type) {
        Set<String> elements = elements(type);
        return elements.contains(VALUE) && elements.stream().allMatch(e -> e.equals(VALUE) || type.elementsWithDefaults().contains(e));
    }

    private static String simpleName(PluginClass type) {
        String name = type.facts().name();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('$')) + 1);
    }
}
