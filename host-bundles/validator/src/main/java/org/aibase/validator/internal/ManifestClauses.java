package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits OSGi manifest headers ({@code a.b;c.d;version="[1,2)";uses:="x,y", e.f}) into clauses and
 * their paths, honouring quotes, which may hold commas and semicolons.
 */
final class ManifestClauses {

    private ManifestClauses() {
    }

    /** The paths (package names, entry paths) of every clause: the parts that are not attributes or directives. */
    static List<String> paths(String header) {
        List<String> paths = new ArrayList<>();
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty() && !trimmed.contains("=")) {
                    paths.add(trimmed);
                }
            }
        }
        return paths;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
