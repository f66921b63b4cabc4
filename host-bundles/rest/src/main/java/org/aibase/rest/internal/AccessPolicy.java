package org.aibase.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.CallerRole;

/**
 * The one place that decides which role an HTTP call needs. Everything not listed needs
 * {@code user} (plugin applications included); only health, signing in/out, and reading the home
 * page and its files (everything outside {@code /api/v1/} and {@code /metrics}, where the host
 * serves nothing else, and {@code /api/v1/ui/}) are public.
 *
 * <p>It works on the decoded request path, normalised the way Jersey matches it (empty segments
 * and {@code ;matrix} parameters dropped), so no spelling of an admin path reaches its resource
 * with a weaker check. A path with {@code ..} needs {@code admin}: it is never a legitimate call.
 */
final class AccessPolicy {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private AccessPolicy() {
    }

    /** The role needed, or empty for a public endpoint. */
    static Optional<CallerRole> required(String method, String path) {
        List<String> segments = segments(path);
        if (segments.contains("..")) {
            return Optional.of(CallerRole.ADMIN);
        }
        boolean read = READ_METHODS.contains(method);
        if (segments.equals(List.of("metrics"))) {
            return Optional.of(CallerRole.ADMIN);
        }
        if (segments.equals(List.of("mcp"))) {
            return Optional.of(CallerRole.USER); // every MCP message; admin tools are on the admin server only
        }
        boolean underApi = segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1");
        if (!underApi) {
            return read ? Optional.empty() : Optional.of(CallerRole.USER);
        }
        if (segments.size() < 3) {
            return Optional.of(CallerRole.USER);
        }
        List<String> api = segments.subList(2, segments.size());
        return switch (api.get(0)) {
            case "ui" -> read ? Optional.empty() : Optional.of(CallerRole.USER);
            case "health" -> api.size() == 1 && read ? Optional.empty() : Optional.of(CallerRole.USER);
            case "session" -> api.size() == 1 && (method.equals("POST") || method.equals("DELETE"))
                    ? Optional.empty() : Optional.of(CallerRole.USER);
            case "plugins" -> Optional.of(plugins(api, method, read));
            case "deployments" -> Optional.of(CallerRole.ADMIN);
            case "logs" -> Optional.of(CallerRole.ADMIN);
            case "llm" -> Optional.of(read ? CallerRole.USER : CallerRole.ADMIN);
            case "jobs" -> Optional.of(read ? CallerRole.USER : CallerRole.ADMIN);
            default -> Optional.of(CallerRole.USER);
        };
    }

    private static CallerRole plugins(List<String> api, String method, boolean read) {
        if (api.size() <= 2) { // the list and one plugin: reading is for users, changing for admins
            return read ? CallerRole.USER : CallerRole.ADMIN;
        }
        if (api.size() == 3 && (api.get(2).equals("usage") && read || api.get(2).equals("tasks") && method.equals("POST"))) {
            return CallerRole.USER;
        }
        return CallerRole.ADMIN;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(6);
        int length = path == null ? 0 : path.length();
        for (int start = 0; start < length;) { // every request's path: no regex, no array of parts
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            int matrix = path.indexOf(';', start);
            String segment = path.substring(start, matrix >= 0 && matrix < end ? matrix : end);
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        return segments;
    }
}
