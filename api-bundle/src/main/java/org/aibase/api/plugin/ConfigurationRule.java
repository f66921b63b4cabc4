package org.aibase.api.plugin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * What an operator's value of one configuration key must be beyond its declared type, as a key of
 * {@code defaults} in {@code plugin.yaml} states it ({@code {default: 500, min: 1, max: 5000}}). A
 * list value is judged element by element. Every part is optional.
 *
 * @param min the smallest number allowed (inclusive); empty for no lower bound
 * @param max the largest number allowed (inclusive); empty for no upper bound
 * @param allowed the only values allowed (YAML's {@code enum}); empty for any
 * @param pattern a regular expression the whole text must match; empty for any text
 */
public record ConfigurationRule(Optional<BigDecimal> min, Optional<BigDecimal> max, List<Object> allowed,
        Optional<String> pattern) {

    /** No rule beyond the type. */
    public static final ConfigurationRule NONE = new ConfigurationRule(Optional.empty(), Optional.empty(), List.of(),
            Optional.empty());

    /** Creates a rule; the allowed values are copied. */
    public ConfigurationRule {
        min = min == null ? Optional.empty() : min;
        max = max == null ? Optional.empty() : max;
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        pattern = pattern == null ? Optional.empty() : pattern;
    }

    /**
     * Why a value (already of the declared type) breaks the rule, as "must be ..., not ..."; empty
     * when it keeps it.
     *
     * @throws PatternSyntaxException when the pattern is not a regular expression (the validator refuses such a descriptor)
     */
    public Optional<String> refusal(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(this::refusal).flatMap(Optional::stream).findFirst()
                    .map(problem -> problem + " (in the list)");
        }
        boolean breaks = false;
        if (value instanceof Number number && (min.isPresent() || max.isPresent())) {
            BigDecimal decimal = new BigDecimal(number.toString());
            breaks = min.filter(m -> decimal.compareTo(m) < 0).isPresent() || max.filter(m -> decimal.compareTo(m) > 0).isPresent();
        }
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> same(a, value))) {
            breaks = true;
        }
        if (value instanceof String text && pattern.isPresent() && !Pattern.compile(pattern.get()).matcher(text).matches()) {
            breaks = true;
        }
        return breaks ? Optional.of("must be " + describe() + ", not " + show(value)) : Optional.empty();
    }

    /** What the rule allows, for messages: {@code from 1 to 5000}, {@code one of basic, detailed}... */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (min.isPresent() && max.isPresent()) {
            parts.add("from " + min.get().toPlainString() + " to " + max.get().toPlainString());
        } else {
            min.ifPresent(m -> parts.add("at least " + m.toPlainString()));
            max.ifPresent(m -> parts.add("at most " + m.toPlainString()));
        }
        if (!allowed.isEmpty()) {
            parts.add("one of " + allowed.stream().map(ConfigurationRule::show).collect(Collectors.joining(", ")));
        }
        pattern.ifPresent(p -> parts.add("text matching " + p));
        return parts.isEmpty() ? "any value of its type" : String.join(" and ", parts);
    }

    /** Whether the rule adds nothing to the type. */
    public boolean isEmpty() {
        return min.isEmpty() && max.isEmpty() && allowed.isEmpty() && pattern.isEmpty();
    }

    private static boolean same(Object allowed, Object value) {
        if (allowed instanceof Number a && value instanceof Number v) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(v.toString())) == 0;
        }
        return allowed.equals(value);
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
