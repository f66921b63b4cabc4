package org.aibase.rest.internal.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.rest.internal.Gatekeeper;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * The OpenAPI 3.1 description of what the host serves, read from Jersey's resource model of each
 * container (the platform's and every served plugin's), so it changes as plugins come and go and
 * never describes a path that is not there. Each operation notes the role it needs (from the
 * {@link org.aibase.rest.internal.AccessPolicy access policy} the host enforces, via
 * {@link Gatekeeper#requiredRole}) and, for a plugin, the plugin and its permissions.
 *
 * <p>Java types give only the outline of bodies (object, array, string, number); a plugin that
 * wants richer schemas declares them in its tasks.
 */
final class ApiDescription {

    /** One container and where it is mounted. */
    record Mount(String basePath, ResourceModel model, Optional<PluginDescriptor> plugin) {
    }

    static final String VERSION = "3.1.0";
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w[\\w.-]*)}");

    /** The platform's error shape, the same for every path. */
    private static final Map<String, Object> ERROR = Map.of("type", "object", "required", List.of("error"),
            "properties", Map.of("error", Map.of("type", "object", "required", List.of("code", "message", "details"),
                    "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
                            "details", Map.of("type", "object")))));

    private ApiDescription() {
    }

    /** The description of the given mounts, titled for the whole runtime or for one plugin. */
    static Map<String, Object> of(String title, String description, Collection<Mount> mounts) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", VERSION);
        document.put("info", Map.of("title", title, "version", "1", "description", description));
        document.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new TreeMap<>();
        List<Map<String, Object>> tags = new ArrayList<>();
        Map<String, Integer> operationIds = new LinkedHashMap<>();
        for (Mount mount : mounts) {
            String tag = mount.plugin().map(PluginDescriptor::id).orElse("platform");
            tags.add(Map.of("name", tag, "description", mount.plugin().map(p -> p.name() + ": " + p.description())
                    .orElse("The runtime's own API: plugins, jobs, LLM, deployments, health, session")));
            for (Resource resource : mount.model().getRootResources()) {
                describe(mount, tag, join(mount.basePath(), resource.getPath()), resource, paths, operationIds);
            }
        }
        document.put("paths", paths);
        document.put("tags", tags);
        document.put("components", Map.of("securitySchemes", securitySchemes(), "schemas", Map.of("Error", ERROR),
                "responses", Map.of("Error", Map.of("description", "Refused: the error's code and message say why "
                        + "(which field, what was wrong, what is allowed)",
                        "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))))));
        return document;
    }

    private static void describe(Mount mount, String tag, String path, Resource resource, Map<String, Object> paths,
            Map<String, Integer> operationIds) {
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) { // Jersey's own OPTIONS and HEAD answers are no part of the API
                operation(mount, tag, path, method, paths, operationIds);
            }
        }
        for (Resource child : resource.getChildResources()) {
            describe(mount, tag, join(path, child.getPath()), child, paths, operationIds);
        }
    }

    @SuppressWarnings("unchecked")
    private static void operation(Mount mount, String tag, String rawPath, ResourceMethod method, Map<String, Object> paths,
            Map<String, Integer> operationIds) {
        String verb = method.getHttpMethod().toLowerCase(Locale.ROOT);
        Map<String, String> patterns = new LinkedHashMap<>();
        Matcher regex = TEMPLATE_REGEX.matcher(rawPath);
        while (regex.find()) {
            patterns.put(regex.group(1), rawPath.substring(regex.start(), regex.end()).replaceFirst("^\\{\\s*\\w[\\w.-]*\\s*:\\s*", "")
                    .replaceFirst("\\s*}$", ""));
        }
        String path = TEMPLATE_REGEX.matcher(rawPath).replaceAll("{$1}");
        Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("tags", List.of(tag));
        String javaName = method.getInvocable().getHandlingMethod().getName();
        String id = tag + "_" + verb + "_" + javaName;
        int seen = operationIds.merge(id, 1, Integer::sum);
        operation.put("operationId", seen == 1 ? id : id + "_" + seen);
        Optional<CallerRole> role = Gatekeeper.requiredRole(method.getHttpMethod(), path);
        operation.put("summary", words(javaName));
        operation.put("description", role.map(r -> "Needs the " + r.id() + " role.").orElse("Public.")
                + mount.plugin().map(p -> " Served by the plugin " + p.id() + " (permissions: "
                        + String.join(", ", p.permissions().stream().map(Permission::id).toList()) + ").").orElse(""));
        operation.put("x-aibase-role", role.map(CallerRole::id).orElse("public"));
        mount.plugin().ifPresent(p -> {
            operation.put("x-aibase-plugin", p.id());
            operation.put("x-aibase-permissions", p.permissions().stream().map(Permission::id).toList());
        });
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher template = TEMPLATE.matcher(path);
        List<String> pathNames = new ArrayList<>();
        while (template.find()) {
            pathNames.add(template.group(1));
        }
        for (String name : pathNames) {
            Map<String, Object> schema = new LinkedHashMap<>(Map.of("type", "string"));
            Optional.ofNullable(patterns.get(name)).ifPresent(p -> schema.put("pattern", "^(" + p + ")$"));
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", schema));
        }
        Optional<Parameter> entity = Optional.empty();
        for (Parameter parameter : method.getInvocable().getParameters()) {
            String in = switch (parameter.getSource()) {
                case QUERY -> "query";
                case HEADER -> "header";
                case COOKIE -> "cookie";
                default -> null;
            };
            if (parameter.getSource() == Source.ENTITY) {
                entity = Optional.of(parameter);
            }
            if (in == null || hiddenByHost(in, parameter.getSourceName())) {
                continue;
            }
            Map<String, Object> schema = new LinkedHashMap<>(schemaOf(parameter.getRawType()));
            if (parameter.getDefaultValue() != null) {
                schema.put("default", parameter.getDefaultValue());
            }
            parameters.add(Map.of("name", parameter.getSourceName(), "in", in, "required", false, "schema", schema));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        List<MediaType> consumed = method.getConsumedTypes();
        if (entity.isPresent() || !consumed.isEmpty() && !verb.equals("get") && !verb.equals("delete")) {
            Map<String, Object> content = new LinkedHashMap<>();
            Map<String, Object> schema = entity.map(e -> schemaOf(e.getRawType())).orElse(Map.of());
            for (MediaType type : consumed.isEmpty() ? List.of(MediaType.APPLICATION_JSON_TYPE) : consumed) {
                content.put(mediaType(type), Map.of("schema", schema));
            }
            operation.put("requestBody", Map.of("content", content));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Class<?> returned = method.getInvocable().getRawResponseType();
        if (returned == void.class && !method.isSuspendDeclared() && !method.isSse()) {
            responses.put("204", Map.of("description", "Done, nothing to return"));
        } else {
            Map<String, Object> content = new LinkedHashMap<>();
            List<MediaType> produced = method.getProducedTypes();
            for (MediaType type : produced.isEmpty() ? List.of(MediaType.APPLICATION_JSON_TYPE) : produced) {
                content.put(mediaType(type), Map.of("schema", method.isSse() ? Map.of("type", "string") : schemaOf(returned)));
            }
            responses.put("200", Map.of("description", method.isSse() ? "A stream of server-sent events" : "The answer",
                    "content", content));
        }
        responses.put("4XX", Map.of("$ref", "#/components/responses/Error"));
        operation.put("responses", responses);
        operation.put("security", role.isEmpty() ? List.of()
                : List.of(Map.of("bearer", List.of()), Map.of("session", List.of(), "csrf", List.of())));
        item.put(verb, operation);
    }

    /** The host removes credentials before a request reaches any resource: they are no parameters. */
    private static boolean hiddenByHost(String in, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return in.equals("header") && (lower.equals("authorization") || lower.equals(Gatekeeper.CSRF_HEADER.toLowerCase(Locale.ROOT)))
                || in.equals("cookie");
    }

    private static Map<String, Object> schemaOf(Class<?> type) {
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return Map.of("type", "string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class || type == short.class) {
            return Map.of("type", "integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return Map.of("type", "number");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray() && type != byte[].class) {
            return Map.of("type", "array");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.getName().startsWith("com.fasterxml.jackson")) {
            return Map.of("type", "object");
        }
        if (type == byte[].class || java.io.InputStream.class.isAssignableFrom(type)) {
            return Map.of("type", "string", "contentMediaType", "application/octet-stream");
        }
        return Map.of(); // anything: Response and other types say nothing about the body
    }

    private static String mediaType(MediaType type) {
        return type.isWildcardType() ? "*/*" : type.getType() + "/" + type.getSubtype();
    }

    private static Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("bearer", Map.of("type", "http", "scheme", "bearer",
                "description", "An API key: Authorization: Bearer <key>"));
        schemes.put("session", Map.of("type", "apiKey", "in", "cookie", "name", "aibase_session",
                "description", "The browser session that POST /api/v1/session opens"));
        schemes.put("csrf", Map.of("type", "apiKey", "in", "header", "name", Gatekeeper.CSRF_HEADER,
                "description", "The session's CSRF token (GET /api/v1/session), needed by POST, PUT, PATCH and DELETE"));
        return schemes;
    }

    private static String join(String base, String path) {
        String joined = (base + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code signIn} reads "Sign in". */
    private static String words(String javaName) {
        String spaced = javaName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
