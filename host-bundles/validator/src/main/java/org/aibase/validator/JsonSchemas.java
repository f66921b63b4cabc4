package org.aibase.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * JSON Schema 2020-12, as plugins declare it for their tasks' input and output: whether a declared
 * schema is one, and what an instance breaks of it. The one place the platform validates JSON
 * against a schema (the validator checks declarations with it, the HTTP API and MCP the input of
 * each call), so a schema means the same everywhere.
 *
 * <p>Plugin schemas are untrusted: only local references ({@code #...}) are allowed, so validating
 * never reaches out to the network or the file system.
 */
public final class JsonSchemas {

    /** The meta-schema every declared schema is checked against. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords whose error is about a property the instance lacks or has too many of: the field is that property. */
    private static final java.util.Set<String> NAMES_A_PROPERTY = java.util.Set.of("required", "additionalProperties",
            "unevaluatedProperties", "dependentRequired");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    // weak keys: a schema goes with the last descriptor that declares it (an updated or removed plugin's)
    private static final Map<Map<String, Object>, Schema> COMPILED = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    /** One thing an instance breaks: where (e.g. {@code config.items[2].name}) and what. */
    public record Problem(String field, String message) {
    }

    private JsonSchemas() {
    }

    /** What makes a declared schema not a JSON Schema 2020-12 (empty when it is one). */
    public static List<String> problemsOf(Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        remoteReferences(schema, "", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        Object dialect = schema.get("$schema");
        if (dialect != null && !DIALECT.equals(dialect)) {
            return List.of("$schema is '" + dialect + "'; only " + DIALECT + " (or none) is understood");
        }
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(DIALECT));
        for (Error error : meta.validate(JSON.valueToTree(schema))) {
            problems.add(field("schema", error) + ": " + error.getMessage().replaceFirst("^\\S+: ", ""));
        }
        return problems;
    }

    /**
     * What an instance breaks of a schema that {@link #problemsOf} accepted, each with its field
     * below {@code root} (e.g. {@code config}); empty when it is valid.
     */
    public static List<Problem> check(Map<String, Object> schema, Object instance, String root) {
        // every task call checks its config: a declared schema is compiled once, not per call
        Schema compiled = COMPILED.computeIfAbsent(schema, declared -> REGISTRY.getSchema(JSON.valueToTree(declared)));
        JsonNode node = JSON.valueToTree(instance);
        List<Problem> problems = new ArrayList<>();
        for (Error error : compiled.validate(node)) {
            problems.add(new Problem(field(root, error), error.getMessage().replaceFirst("^\\S+: ", "")));
        }
        return problems;
    }

    private static String field(String root, Error error) {
        StringBuilder field = new StringBuilder(root);
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            field.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if (error.getProperty() != null && NAMES_A_PROPERTY.contains(error.getKeyword())) {
            field.append('.').append(error.getProperty());
        }
        return field.toString();
    }

    private static void remoteReferences(Object value, String at, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (("$ref".equals(key) || "$dynamicRef".equals(key)) && !(inner instanceof String ref && ref.startsWith("#"))) {
                    problems.add(at + "/" + key + " is '" + inner + "'; only references within the schema (#/...) are allowed");
                } else {
                    remoteReferences(inner, at + "/" + key, problems);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                remoteReferences(list.get(i), at + "/" + i, problems);
            }
        }
    }
}
