package org.aibase.validator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.Category;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.SecurityLevel;

/**
 * A closed vocabulary of the descriptor: the words a field accepts, so every refusal can list them.
 *
 * @param noun what one word is, for messages ({@code permission})
 * @param words the accepted words to their values, in documentation order
 */
public record Vocabulary<T>(String noun, Map<String, T> words) {

    /** The permissions of {@code permissions:}. */
    public static final Vocabulary<Permission> PERMISSIONS = of("permission", Permission.values(), Permission::id);
    /** The categories of {@code category:}. */
    public static final Vocabulary<Category> CATEGORIES = of("category", Category.values(), Category::id);
    /** The levels of {@code security:}. */
    public static final Vocabulary<SecurityLevel> SECURITY_LEVELS =
            of("security level", SecurityLevel.values(), SecurityLevel::id);

    /** The roles of a task's {@code role:}. */
    public static final Vocabulary<CallerRole> CALLER_ROLES = of("role", CallerRole.values(), CallerRole::id);

    /** Creates a vocabulary; the words are copied in order. */
    public Vocabulary {
        words = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    private static <E> Vocabulary<E> of(String noun, E[] values, Function<E, String> id) {
        Map<String, E> words = new LinkedHashMap<>();
        for (E value : values) {
            words.put(id.apply(value), value);
        }
        return new Vocabulary<>(noun, words);
    }

    /** The value of a word; empty when the word (or a non-text value) is not in the vocabulary. */
    public Optional<T> find(Object word) {
        return word instanceof String s ? Optional.ofNullable(words.get(s)) : Optional.empty();
    }

    /** The accepted words, comma-separated, for a finding's "allowed". */
    public String allowed() {
        return String.join(", ", words.keySet());
    }
}
