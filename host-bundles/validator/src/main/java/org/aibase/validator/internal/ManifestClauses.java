package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits OSGi manifest headers ({@code a.b;c.d;version="[1,2)";uses:="x,y", e.f}) into clauses and
 * their paths, honouring quotes, which may hold commas and semicolons.
 */
final class ManifestClauses {

    /**
     * One clause of a header.
     *
     * @param paths the parts that are not attributes or directives (package names, entry paths)
     * @param parameters its attributes ({@code version}) and directives ({@code resolution:}), by name, unquoted
     */
    record Clause(List<String> paths, Map<String, String> parameters) {

        /** Whether the clause is marked {@code resolution:=optional}. */
        boolean optional() {
            return "optional".equals(parameters.get("resolution:"));
        }
    }

    private ManifestClauses() {
    }

    /** The paths (package names, entry paths) of every clause: the parts that are not attributes or directives. */
    static List<String> paths(String header) {
        return clauses(header).stream().flatMap(c -> c.paths().stream()).toList();
    }

    /** Every clause of the header, in order. */
    static List<Clause> clauses(String header) {
        List<Clause> clauses = new ArrayList<>();
        for (String text : split(header, ',')) {
            List<String> paths = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : split(text, ';')) {
                String trimmed = part.trim();
                int equals = trimmed.indexOf('=');
                if (equals > 0) {
                    parameters.put(trimmed.substring(0, equals).trim(), unquote(trimmed.substring(equals + 1).trim()));
                } else if (!trimmed.isEmpty()) {
                    paths.add(trimmed);
                }
            }
            if (!paths.isEmpty()) {
                clauses.add(new Clause(List.copyOf(paths), Map.copyOf(parameters)));
            }
        }
        return clauses;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
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
