package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.validator.Finding;

/**
 * Typed access to one YAML mapping of {@code plugin.yaml} (the document or a nested mapping such as
 * {@code limits}). A value of the wrong type is an error finding and reads as absent, so the rest
 * of the descriptor is still read and every problem is reported in one run.
 */
public final class DescriptorFields {

    private final Map<?, ?> values;
    private final String prefix;
    private final List<Finding> findings;

    /** Reads the given mapping; {@code prefix} is its path in the document ({@code ""} or {@code limits.}). */
    public DescriptorFields(Map<?, ?> values, String prefix, List<Finding> findings) {
        this.values = values;
        this.prefix = prefix;
        this.findings = findings;
    }

    /** The location of a field of this mapping, e.g. {@code plugin.yaml/limits.memory}. */
    public String location(String key) {
        return Locations.field(prefix + key);
    }

    /** The raw value of a field; null when absent (or written without a value). */
    public Object raw(String key) {
        return values.get(key);
    }

    /** Warns about each key that is not one of {@code known}: most likely a typo the author wants to hear about. */
    public void warnAboutUnknownKeys(Set<String> known) {
        for (Object key : values.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                findings.add(Finding.warning(location(String.valueOf(key)), "is not a known field and is ignored",
                        String.join(", ", known)));
            }
        }
    }

    /** A single value (text, number or true/false) as text. */
    public Optional<String> text(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!isScalar(value)) {
            error(key, "is " + kind(value) + ", not a single value", "text");
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value));
    }

    /** A list of single values as text; an element of another type is reported and skipped. */
    public List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        for (Object element : list(key, "a list of text values")) {
            if (isScalar(element)) {
                texts.add(String.valueOf(element));
            } else {
                error(key, "'" + element + "' is " + kind(element) + ", not a single value", "a list of text values");
            }
        }
        return texts;
    }

    /** One word of a closed vocabulary. */
    public <T> Optional<T> word(String key, Vocabulary<T> vocabulary) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        Optional<T> word = vocabulary.find(value);
        if (word.isEmpty()) {
            error(key, "'" + value + "' is not a " + vocabulary.noun(), vocabulary.allowed());
        }
        return word;
    }

    /** Words of a closed vocabulary; an unknown word is an error, a repeated one a warning. */
    public <T> Set<T> words(String key, Vocabulary<T> vocabulary) {
        Set<T> words = new LinkedHashSet<>();
        for (Object element : list(key, "a list of " + vocabulary.allowed())) {
            Optional<T> word = vocabulary.find(element);
            if (word.isEmpty()) {
                error(key, "'" + element + "' is not a " + vocabulary.noun(), vocabulary.allowed());
            } else if (!words.add(word.get())) {
                findings.add(Finding.warning(location(key), "'" + element + "' is listed twice", ""));
            }
        }
        return words;
    }

    /** A nested mapping; empty when absent or not a mapping. */
    public Optional<DescriptorFields> mapping(String key, String example) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            error(key, "is " + kind(value) + ", not a mapping", example);
            return Optional.empty();
        }
        return Optional.of(new DescriptorFields(map, prefix + key + ".", findings));
    }

    /** A mapping that is an element of a list of this mapping, e.g. {@code tasks[0].}; its findings go with these. */
    public DescriptorFields element(Map<?, ?> map, String path) {
        return new DescriptorFields(map, prefix + path, findings);
    }

    /** A nested mapping with text keys, its values kept with their YAML types (checked by later rules). */
    public Map<String, Object> values(String key, String example) {
        Map<String, Object> copy = new LinkedHashMap<>();
        mapping(key, example).ifPresent(fields -> fields.values.forEach((k, v) -> {
            if (k instanceof String name) {
                copy.put(name, v);
            } else {
                error(key, "key '" + k + "' is " + kind(k) + ", not a name", "names such as max_items");
            }
        }));
        return copy;
    }

    /** Records an error at a field of this mapping. */
    public void error(String key, String message, String allowed) {
        findings.add(Finding.error(location(key), message, allowed));
    }

    private List<?> list(String key, String allowed) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error(key, "is " + kind(value) + ", not a list", allowed);
            return List.of();
        }
        return list;
    }

    /** Whether a YAML value is a single value: text, a number or true/false. */
    public static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** What a YAML value is, for messages: {@code a list}, {@code a mapping}, {@code text}... */
    public static String kind(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof java.util.Date) {
            return "a date (quote it to make it text)";
        }
        return "binary data";
    }
}
