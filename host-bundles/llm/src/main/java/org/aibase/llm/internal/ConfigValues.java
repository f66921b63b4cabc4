package org.aibase.llm.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads list-valued configuration the way operators write it. */
final class ConfigValues {

    private ConfigValues() {
    }

    /**
     * The non-blank entries, trimmed. A {@code .cfg} file gives one string where an array was meant, so
     * entries are also split at commas: {@code models=gpt-4o,gpt-4o-mini} works as well as a real array.
     */
    static List<String> list(String[] values) {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }
}
