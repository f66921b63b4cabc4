package org.aibase.sandbox.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.aibase.api.plugin.ConfigurationRule;
import org.aibase.api.plugin.PluginDescriptor;

/**
 * A plugin's declared {@code defaults} and the types they imply; turns operator values into values of
 * those types. Operator values come typed from the HTTP API and as strings from {@code .cfg} files, so
 * strings are read as the declared type. Pure: no OSGi, every rule is a plain unit test.
 */
final class DeclaredDefaults {

    /** The types a default can declare. */
    enum Kind {
        INTEGER, NUMBER, BOOLEAN, STRING, LIST, ANY;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof BigInteger) {
                return INTEGER;
            }
            if (value instanceof Number) {
                return NUMBER;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Collection || value != null && value.getClass().isArray()) {
                return LIST;
            }
            return ANY; // e.g. a nested map: passed on as given
        }
    }

    private final Map<String, Object> defaults;
    private final Map<String, ConfigurationRule> rules;

    DeclaredDefaults(Map<String, Object> defaults) {
        this(defaults, Map.of());
    }

    DeclaredDefaults(Map<String, Object> defaults, Map<String, ConfigurationRule> rules) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults)); // the declared order, for forms
        this.rules = Map.copyOf(rules);
    }

    /** A plugin's declared defaults and the rules its keys declare. */
    static DeclaredDefaults of(PluginDescriptor descriptor) {
        return new DeclaredDefaults(descriptor.defaults(), descriptor.configurationRules());
    }

    /** Whether anything is declared. */
    boolean isEmpty() {
        return defaults.isEmpty();
    }

    /**
     * The defaults overlaid with the operator's values for declared keys. A value that does not fit its
     * declared type is reported to {@code refused} (key, problem) and the default stays.
     */
    Map<String, Object> overlay(Map<String, ?> operatorValues, BiConsumer<String, String> refused) {
        Map<String, Object> effective = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Object> declared : defaults.entrySet()) {
            Object value = operatorValues.get(declared.getKey());
            if (value != null) {
                try {
                    effective.put(declared.getKey(), coerce(declared.getKey(), value));
                } catch (IllegalArgumentException e) {
                    refused.accept(declared.getKey(), e.getMessage());
                }
            }
        }
        return effective;
    }

    /**
     * The value as its declared type.
     *
     * @throws IllegalArgumentException naming the key and the known keys for an undeclared key, the
     *         key, its declared type and the value when the value does not fit, or the key, what its
     *         rule allows and the value when the value breaks the rule
     */
    Object coerce(String key, Object value) {
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a configuration key of this plugin (known: "
                    + (defaults.isEmpty() ? "none" : String.join(", ", defaults.keySet().stream().sorted().toList())) + ")");
        }
        Object declared = defaults.get(key);
        Kind kind = Kind.of(declared);
        Object coerced = switch (kind) {
            case INTEGER -> integer(value, declared instanceof Integer);
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case STRING -> value instanceof String ? value : null;
            case LIST -> list(value);
            case ANY -> value;
        };
        if (coerced == null) {
            throw new IllegalArgumentException("'" + key + "' must be " + article(kind) + " " + kind.id()
                    + " (declared default " + describe(declared) + "), not " + describe(value));
        }
        ConfigurationRule rule = rules.get(key);
        if (rule != null) {
            rule.refusal(coerced).ifPresent(problem -> {
                throw new IllegalArgumentException("'" + key + "' " + problem);
            });
        }
        return coerced;
    }

    private static Object integer(Object value, boolean asInt) {
        BigInteger big;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            big = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            big = b;
        } else if (value instanceof String s && s.strip().matches("[+-]?\\d{1,19}")) {
            big = new BigInteger(s.strip());
        } else {
            return null;
        }
        if (big.bitLength() > 63) {
            return null;
        }
        long l = big.longValue();
        // keep the declared Java type where it fits, so a plugin reading an int gets an int
        return asInt && l == (int) l ? (Object) (int) l : (Object) l;
    }

    private static Object number(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object bool(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s.strip());
        }
        return null;
    }

    private static Object list(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(java.util.Objects::isNull) ? null : new ArrayList<>(c);
        }
        if (value instanceof Object[] array) {
            return list(Arrays.asList(array));
        }
        if (value instanceof String s) {
            // .cfg files carry a list as one comma-separated string
            List<Object> items = new ArrayList<>();
            Arrays.stream(s.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
            return items;
        }
        return null;
    }

    private static String article(Kind kind) {
        return kind == Kind.INTEGER ? "an" : "a";
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
